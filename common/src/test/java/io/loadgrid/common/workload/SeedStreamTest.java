package io.loadgrid.common.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeedStreamTest {
    private final SeedStream seed = new SeedStream("http://127.0.0.1:8080/");

    @Test
    void queryDoublesFromTheAlphabetUntilAThousandCharactersThenRestarts() {
        int[] lengths = new int[9];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = SeedStream.query(i).length();
        }
        assertThat(lengths).containsExactly(26, 52, 104, 208, 416, 832, 1664, 26, 52);
        assertThat(SeedStream.query(0)).isEqualTo("abcdefghijklmnopqrstuvwxyz");
        assertThat(SeedStream.query(1)).isEqualTo(SeedStream.query(0).repeat(2));
    }

    @Test
    void itemUrlIsAnythingWithItsIndexAndQuery() {
        assertThat(seed.url(7)).isEqualTo("http://127.0.0.1:8080/anything/7?query=abcdefghijklmnopqrstuvwxyz");
        assertThat(seed.url(1_000_001)).startsWith("http://127.0.0.1:8080/anything/1000001?query=");
        assertThat(seed.base()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void encodeSumsTheUtf8LengthOfEveryCharacter() {
        var encode = new CpuKernel.Encode(new UrlTemplate("http://h/ä/{i}"));
        assertThat(encode.compute(12)).isEqualTo("http://h/ä/12".getBytes(StandardCharsets.UTF_8).length);
        var ascii = new CpuKernel.Encode(seed);
        assertThat(ascii.compute(3)).isEqualTo(seed.url(3).length());
    }

    @Test
    void cpuKernelsComputeTheSeedsFunctions() {
        assertThat(new CpuKernel.Squares().compute(9)).isEqualTo(100);
        assertThat(new CpuKernel.SqrtSum(5).compute(0)).isEqualTo((long) (0 + 1 + Math.sqrt(2) + Math.sqrt(3) + 2));
    }

    @Test
    void templatesRejectWhatCannotBeRequested() {
        assertThatThrownBy(() -> new UrlTemplate("ftp://h/{i}")).hasMessageContaining("must be an http:// URL");
        assertThatThrownBy(() -> new UrlTemplate("http://h/{j}")).hasMessageContaining("placeholder other than {i}");
        assertThatThrownBy(() -> new UrlTemplate("http://h o/{i}")).hasMessageContaining("not a valid URL");
        assertThat(new UrlTemplate("http://h:81/x/{i}/y").url(5)).isEqualTo("http://h:81/x/5/y");
        assertThat(new UrlTemplate("http://h/x").base()).isEqualTo("http://h:80");
    }
}
