package io.loadgrid.testbed.http;

/** Maps a complete request to its reply; implemented by the endpoint table. */
public interface RequestRouter {

    /** Called on the connection's event loop; must not block. May return a delayed reply instead. */
    Reply route(Exchange exchange);

    /** The reply for a request the decoder rejected (malformed, too large ...). */
    Reply rejection(Exchange exchange);

    /** Whether requests to this raw path are control traffic that no counter may include. */
    boolean isControl(String path);
}
