package io.loadgrid.common.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every output is written beside its final name, flushed to disk and moved over it in one step, so a sweep killed at
 * any moment (or a machine that loses power) leaves each file either as it was after the previous cell or as it is
 * after this one, never half written. The temporary name is unique, so a {@code report} re-rendering the same folder
 * at the same time cannot interleave with the sweep's own writes.
 */
public final class AtomicFile {
    private AtomicFile() {}

    public static void write(Path file, byte[] content) {
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // created like any new file (the umask decides its mode, unlike createTempFile's owner-only one)
            tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + Thread.currentThread().threadId() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OutputFailed("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move took it, or the folder went away: nothing is left to clean
                }
            }
        }
    }

    public static void write(Path file, String content) {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }
}
