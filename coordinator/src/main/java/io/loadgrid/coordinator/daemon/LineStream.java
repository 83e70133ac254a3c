package io.loadgrid.coordinator.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One of a submitted sweep's two output streams: each complete line goes to the client with its stream's prefix and
 * is copied to the coordinator's own log. A client that went away is noticed at the first failed write.
 */
final class LineStream extends OutputStream {
    private final String prefix;
    private final OutputStream client;
    private final PrintStream log;
    private final Runnable onGone;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean gone;

    LineStream(String prefix, OutputStream client, PrintStream log, Runnable onGone) {
        this.prefix = prefix;
        this.client = client;
        this.log = log;
        this.onGone = onGone;
    }

    static PrintStream of(String prefix, OutputStream client, PrintStream log, Runnable onGone) {
        return new PrintStream(new LineStream(prefix, client, log, onGone), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            emit();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        log.println(text);
        synchronized (client) {
            if (gone) {
                return;
            }
            try {
                client.write((prefix + text + "\n").getBytes(StandardCharsets.UTF_8));
                client.flush();
            } catch (IOException e) {
                gone = true;
                onGone.run();
            }
        }
    }

    @Override
    public void flush() {
        // lines go out whole, as they complete
    }
}
