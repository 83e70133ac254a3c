package io.loadgrid.agent.worker;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ChunkLayout;
import io.loadgrid.common.plan.RunSpec;
import java.io.UncheckedIOException;

/**
 * What the multiprocess model and its workers say to each other, one JSON line a message, over the worker's stdin
 * and stdout. The parent writes the {@link Job}; the worker answers {@link Ready} once set up. From then on the parent
 * passes chunks ({@link Pass}, then {@link End} when there are no more), already before it writes {@link Go} with the
 * start instant, and maybe {@link Stop}; the worker answers {@link Commit} with each chunk's result, or {@link Back}
 * for one it never started, and {@link Result} at the end. A worker whose stdin closes (its parent died) exits at
 * once: load never continues without its controller.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = WorkerMessage.Job.class, name = "job"),
    @JsonSubTypes.Type(value = WorkerMessage.Ready.class, name = "ready"),
    @JsonSubTypes.Type(value = WorkerMessage.Go.class, name = "go"),
    @JsonSubTypes.Type(value = WorkerMessage.Stop.class, name = "stop"),
    @JsonSubTypes.Type(value = WorkerMessage.Pass.class, name = "pass"),
    @JsonSubTypes.Type(value = WorkerMessage.End.class, name = "end"),
    @JsonSubTypes.Type(value = WorkerMessage.Commit.class, name = "commit"),
    @JsonSubTypes.Type(value = WorkerMessage.Back.class, name = "back"),
    @JsonSubTypes.Type(value = WorkerMessage.Result.class, name = "result")
})
public sealed interface WorkerMessage {
    /** The messages without fields are types alone: their JSON is {"type":"…"}. */
    ObjectMapper CODEC = Json.MAPPER.copy().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /**
     * Parent to worker, first: the run, already turned into an async one, the layout of the chunks to come, and which
     * of the node's senders it is ({@code part} of {@code parts}).
     */
    record Job(RunSpec spec, ChunkLayout layout, int part, int parts) implements WorkerMessage {}

    /** Worker to parent: set up, nothing sent yet. */
    record Ready() implements WorkerMessage {}

    /** Parent to worker: the start instant in nanoTime, which every process on the host shares. */
    record Go(long startNanos) implements WorkerMessage {}

    /** Parent to worker, after GO, when the user interrupts the run: finish what is in flight and report. */
    record Stop() implements WorkerMessage {}

    /** Parent to worker: a leased chunk to run. */
    record Pass(Chunk chunk) implements WorkerMessage {}

    /** Parent to worker: no more chunks. */
    record End() implements WorkerMessage {}

    /** Worker to parent: one chunk's result, for the parent to commit. */
    record Commit(Chunk chunk, Tally.Encoded tally) implements WorkerMessage {}

    /** Worker to parent: a chunk it was given but did not start. */
    record Back(Chunk chunk) implements WorkerMessage {}

    /** Worker to parent, last: its report once its items are done. */
    record Result(WorkerReport report) implements WorkerMessage {}

    default String line() {
        try {
            return CODEC.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message a line holds, or null for a line that holds none (something else printed to the stream). */
    static WorkerMessage read(String line) {
        if (!line.startsWith("{\"type\":")) {
            return null;
        }
        try {
            return CODEC.readValue(line, WorkerMessage.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a worker message: " + line, e);
        }
    }
}
