package io.loadgrid.agent.http;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;

/** A plain socket whose streams report every byte read and written, so the blocking client counts wire bytes. */
final class CountingSocket extends Socket {
    private final WireCounter counter;
    private InputStream countedIn;
    private OutputStream countedOut;

    CountingSocket(WireCounter counter) {
        this.counter = counter;
    }

    /**
     * A connect that times out is a failure to connect, as Netty's ConnectTimeoutException says for the event-loop
     * client; the JDK throws the same SocketTimeoutException as for a read that timed out. A socket opened before the
     * start instant is already connected when the client asks: to the same address, that is the connection it wants.
     */
    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (isConnected()) {
            if (endpoint.equals(getRemoteSocketAddress())) {
                return;
            }
            throw new ConnectException(
                    "connection opened in advance to " + getRemoteSocketAddress() + ", asked for " + endpoint);
        }
        try {
            super.connect(endpoint, timeout);
        } catch (SocketTimeoutException e) {
            ConnectException c = new ConnectException("connect to " + endpoint + " timed out after " + timeout + " ms");
            c.initCause(e);
            throw c;
        }
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (countedIn == null) {
            countedIn = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        counter.received(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        counter.received(n);
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(n);
                    counter.received(skipped);
                    return skipped;
                }
            };
        }
        return countedIn;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (countedOut == null) {
            countedOut = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    counter.sent(1);
                }

                @Override
                public void write(byte[] buf, int off, int len) throws IOException {
                    out.write(buf, off, len);
                    counter.sent(len);
                }
            };
        }
        return countedOut;
    }
}
