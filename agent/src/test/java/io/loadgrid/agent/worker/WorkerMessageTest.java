package io.loadgrid.agent.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ChunkLayout;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.UrlTemplate;
import io.loadgrid.common.workload.Workload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every message between a parent and its workers is one line, and reads back as what was written. */
class WorkerMessageTest {

    @Test
    void everyMessageReadsBackFromItsOneLine() {
        RunSpec spec = new RunSpec(
                new ModelConfig.Async(),
                4,
                new Workload.Http("t", new UrlTemplate("http://127.0.0.1:1/x/{i}"), true),
                100,
                null,
                50.0,
                null,
                0,
                Duration.ofSeconds(3),
                null,
                true);
        Chunk chunk = new Chunk(7, 3, 2, 10);
        Tally.Encoded tally = Tally.empty().encode();
        List<WorkerMessage> all = List.of(
                new WorkerMessage.Job(spec, new ChunkLayout(10, 2, 100), 1, 2),
                new WorkerMessage.Ready(),
                new WorkerMessage.Go(123_456_789_012L),
                new WorkerMessage.Stop(),
                new WorkerMessage.Pass(chunk),
                new WorkerMessage.End(),
                new WorkerMessage.Commit(chunk, tally),
                new WorkerMessage.Back(chunk),
                new WorkerMessage.Result(new WorkerReport(tally, 12, Long.MIN_VALUE, 4)));
        // every variant of the sealed interface is here
        assertThat(all.stream().<Class<?>>map(Object::getClass).toList())
                .containsExactlyInAnyOrder(WorkerMessage.class.getPermittedSubclasses());
        for (WorkerMessage m : all) {
            String line = m.line();
            assertThat(line).doesNotContain("\n").startsWith("{\"type\":");
            WorkerMessage back = WorkerMessage.read(line);
            assertThat(back).isInstanceOf(m.getClass());
            assertThat(back).isEqualTo(m);
        }
    }

    @Test
    void theWorkersMainClassIsNamedRight() throws Exception {
        java.lang.reflect.Method main = Class.forName(WorkerProcess.MAIN_CLASS).getMethod("main", String[].class);
        assertThat(java.lang.reflect.Modifier.isStatic(main.getModifiers())).isTrue();
    }

    @Test
    void aLineThatHoldsNoMessageIsPassedOver() {
        assertThat(WorkerMessage.read("OpenJDK 64-Bit Server VM warning: something"))
                .isNull();
    }
}
