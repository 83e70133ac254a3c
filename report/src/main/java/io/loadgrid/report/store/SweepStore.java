package io.loadgrid.report.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.files.AtomicFile;
import io.loadgrid.report.results.SweepResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sweep's folder, {@code results/<sweep-id>/}, as saved: results.json is the truth; every other file in it is
 * rendered from that ({@code Reports}).
 */
public final class SweepStore {
    public static final String RESULTS = "results.json";
    private final Path dir;

    public SweepStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Writes results.json, atomically: a sweep's folder always holds a whole one, the newest. */
    public void save(SweepResults r) {
        try {
            AtomicFile.write(
                    dir.resolve(RESULTS),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the results of sweep " + r.sweepId(), e);
        }
    }

    /** Reads a sweep folder back; a folder that is not one gets a message saying what to give instead. */
    public static SweepResults load(Path dir) {
        Path file = dir.resolve(RESULTS);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no " + RESULTS
                    + "; give a folder written by ./loadgrid sweep, e.g. results/<sweep-id>");
        }
        try {
            SweepResults r = Json.MAPPER.readValue(file.toFile(), SweepResults.class);
            if (r.schema() > SweepResults.SCHEMA) {
                throw new IllegalArgumentException(file + " has schema " + r.schema()
                        + ", newer than this loadgrid reads (" + SweepResults.SCHEMA + "); update loadgrid");
            }
            return r;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a sweep result ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
