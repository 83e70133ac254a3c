package io.loadgrid.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The exit codes are declared once and README's table is made from them. */
class ExitCodesTest {
    private static final String BEGIN =
            "<!-- exit-codes: made from ExitCode by ExitCode.markdown(); ExitCodesTest holds it -->\n";
    private static final String END = "<!-- end of exit-codes -->";

    @Test
    void readmesTableIsTheExitCodes() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md")) || !Files.isDirectory(root.resolve("sweeps"))) {
            root = root.getParent();
        }
        String readme = Files.readString(root.resolve("README.md"));
        assertThat(readme).contains(BEGIN).contains(END);
        assertThat(readme.substring(readme.indexOf(BEGIN) + BEGIN.length(), readme.indexOf(END)))
                .as("README's exit codes; paste this between its markers:\n" + ExitCode.markdown())
                .isEqualTo(ExitCode.markdown());
    }
}
