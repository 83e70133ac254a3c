package io.loadgrid.agent.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where response bodies go: nowhere, or appended to one file as the seeds do. */
public sealed interface BodySink extends AutoCloseable permits BodySink.Discard, BodySink.ToFile {

    /** Whether bodies must be kept at all; a discarding client reads and drops them. */
    boolean keeps();

    /** Persists one body; returns the bytes written. */
    long write(ByteBuffer body);

    @Override
    default void close() {}

    static BodySink open(Path file) {
        return file == null ? new Discard() : new ToFile(file);
    }

    record Discard() implements BodySink {
        @Override
        public boolean keeps() {
            return false;
        }

        @Override
        public long write(ByteBuffer body) {
            return 0;
        }
    }

    /** O_APPEND makes each write land whole at the end, even from several worker processes on one file. */
    final class ToFile implements BodySink {
        private final FileChannel channel;

        ToFile(Path file) {
            try {
                channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open sink file " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean keeps() {
            return true;
        }

        @Override
        public long write(ByteBuffer body) {
            long n = 0;
            try {
                while (body.hasRemaining()) {
                    n += channel.write(body);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return n;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to lose: every write already returned
            }
        }
    }
}
