package io.loadgrid.coordinator.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.Param;
import io.loadgrid.common.plan.RunParams;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.RunCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The table of run parameters is the one source of the options, their help and README's table. */
class ParamTableTest {
    static final String BEGIN =
            "<!-- run-parameters: made from RunParams by ParamTable.markdown(); ParamTableTest holds it -->\n";
    static final String END = "<!-- end of run-parameters -->";

    @Test
    void readmesTableIsTheParameterTable() throws IOException {
        String readme = Files.readString(root().resolve("README.md"));
        assertThat(readme).contains(BEGIN).contains(END);
        String table = readme.substring(readme.indexOf(BEGIN) + BEGIN.length(), readme.indexOf(END));
        assertThat(table)
                .as("README's table of run options; paste this between its markers:\n" + ParamTable.markdown())
                .isEqualTo(ParamTable.markdown());
    }

    @Test
    void helpListsEveryParameterWithItsDefaultAndItsModels() {
        Console.Ran help = Console.capture(RunCli::execute, "--help");
        String text = help.out().replaceAll("\\s+", " ");
        for (Param p : RunParams.ALL) {
            boolean negatable = p.type() == Param.Type.FLAG && Boolean.TRUE.equals(p.defaultValue());
            assertThat(text)
                    .as(p.key())
                    .contains(negatable ? "--[no-]" + p.option().substring(2) : p.option());
            if (p.shownDefault() != null) {
                assertThat(text).as(p.key()).contains("(default: " + p.shownDefault() + ")");
            }
        }
        assertThat(text)
                .contains(
                        "--threads=T hybrid: event-loop threads",
                        "--processes=M multiprocess: worker JVMs",
                        "--pool=P threads: seed 002's",
                        "--batch=B sync, threads, virtual, async, hybrid: seed 004's batching");
    }

    @Test
    void everyKnobBelongsToTheModelThatDeclaresIt() {
        assertThat(ParamTable.usedBy(ModelConfig.THREADS)).containsExactly("hybrid");
        assertThat(ParamTable.usedBy(ModelConfig.PROCESSES)).containsExactly("multiprocess");
        assertThat(ParamTable.usedBy(ModelConfig.POOL)).containsExactly("threads");
        assertThat(ParamTable.usedBy(RunParams.BATCH))
                .doesNotContain("multiprocess")
                .hasSize(ModelConfig.NAMES.size() - 1);
        assertThat(ParamTable.usedBy(RunParams.RATE)).containsExactlyElementsOf(ModelConfig.NAMES);
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve("README.md")) || !Files.isDirectory(p.resolve("sweeps"))) {
            p = p.getParent();
        }
        return p;
    }
}
