package io.loadgrid.common.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetAllowlistTest {
    @Test
    void loopbackIsTheDefaultAndNothingElse() {
        TargetAllowlist list = TargetAllowlist.loopback();
        assertThatCode(() -> list.check("http://127.0.0.1:8080/anything/1")).doesNotThrowAnyException();
        assertThatCode(() -> list.check("http://127.3.4.5/x")).doesNotThrowAnyException();
        assertThatCode(() -> list.check("http://localhost:8080/")).doesNotThrowAnyException();
        assertThatCode(() -> list.check("http://[::1]:8080/")).doesNotThrowAnyException();
        // address literals only: nothing is sent, the check resolves nothing but the literal
        assertThatThrownBy(() -> list.check("http://10.1.2.3/"))
                .isInstanceOf(PlanRefused.class)
                .hasMessageContaining("outside this agent's allowlist")
                .hasMessageContaining("--allow-target");
    }

    @Test
    void rangesAndNamesAreHonoured() {
        TargetAllowlist list = TargetAllowlist.parse("10.20.0.0/16, 192.0.2.7, target.lab");
        assertThatCode(() -> list.check("http://10.20.255.1:80/")).doesNotThrowAnyException();
        assertThatCode(() -> list.check("http://192.0.2.7/")).doesNotThrowAnyException();
        assertThatCode(() -> list.check("http://TARGET.lab:8080/")).doesNotThrowAnyException();
        assertThatThrownBy(() -> list.check("http://10.21.0.1/")).isInstanceOf(PlanRefused.class);
        assertThatThrownBy(() -> list.check("http://192.0.2.8/")).isInstanceOf(PlanRefused.class);
        assertThatThrownBy(() -> list.check("http://127.0.0.1/")).isInstanceOf(PlanRefused.class);
    }

    @Test
    void badEntriesSayHowToWriteThem() {
        assertThatThrownBy(() -> TargetAllowlist.parse("10.0.0.0/40")).hasMessageContaining("is not a CIDR range");
        assertThatThrownBy(() -> TargetAllowlist.parse(" , ")).hasMessageContaining("--allow-target is empty");
    }
}
