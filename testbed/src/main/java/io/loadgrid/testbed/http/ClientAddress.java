package io.loadgrid.testbed.http;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** The two addresses echoes need, resolved once per connection rather than once per request. */
public record ClientAddress(String ip, String localAuthority) {

    public static ClientAddress of(Channel ch) {
        return new ClientAddress(hostOf(ch.remoteAddress()), authorityOf(ch.localAddress()));
    }

    private static String hostOf(SocketAddress a) {
        return a instanceof InetSocketAddress in && in.getAddress() != null
                ? in.getAddress().getHostAddress()
                : String.valueOf(a);
    }

    private static String authorityOf(SocketAddress a) {
        if (a instanceof InetSocketAddress in) {
            String host = hostOf(a);
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + in.getPort();
        }
        return String.valueOf(a);
    }
}
