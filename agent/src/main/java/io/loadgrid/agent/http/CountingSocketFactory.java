package io.loadgrid.agent.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.SocketFactory;

/**
 * Hands OkHttp counting sockets; OkHttp only ever asks for unconnected ones and connects them itself. Sockets opened
 * in advance ({@link #open}) are handed out first, already connected: OkHttp has no way to fill its pool before the
 * first call, so the TCP connects move out of the measured window here, one level below it.
 */
final class CountingSocketFactory extends SocketFactory implements AutoCloseable {
    private final WireCounter counter;
    private final Queue<Socket> opened = new ConcurrentLinkedQueue<>();

    CountingSocketFactory(WireCounter counter) {
        this.counter = counter;
    }

    /**
     * Connects {@code n} sockets to {@code remote} at once, each within {@code timeoutMs}. One that fails is left out:
     * its sender connects when it sends, and a failure then is counted as the item's.
     */
    void open(InetSocketAddress remote, int n, int timeoutMs) throws InterruptedException {
        List<Future<Socket>> connects = new ArrayList<>(n);
        try (ExecutorService connectors = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                connects.add(connectors.submit(() -> {
                    Socket s = createFresh();
                    try {
                        s.connect(remote, timeoutMs);
                        return s;
                    } catch (IOException e) {
                        s.close();
                        return null;
                    }
                }));
            }
        }
        for (Future<Socket> c : connects) {
            if (c.state() == Future.State.SUCCESS && c.resultNow() != null) {
                opened.add(c.resultNow());
            }
        }
    }

    @Override
    public Socket createSocket() {
        Socket s = opened.poll();
        return s != null ? s : createFresh();
    }

    private Socket createFresh() {
        return new CountingSocket(counter);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket s = createFresh();
        if (local != null) {
            s.bind(local);
        }
        s.connect(remote);
        return s;
    }

    /** Closes the sockets opened in advance that no call took. */
    @Override
    public void close() {
        for (Socket s = opened.poll(); s != null; s = opened.poll()) {
            try {
                s.close();
            } catch (IOException e) {
                // closing an idle socket of ours: nothing to save
            }
        }
    }
}
