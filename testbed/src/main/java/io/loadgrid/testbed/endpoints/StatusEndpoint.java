package io.loadgrid.testbed.endpoints;

import io.loadgrid.testbed.http.HeaderLine;
import io.loadgrid.testbed.http.Reply;

/**
 * /status/{code}: an empty response with that status; {@code ?retry_after=S} adds {@code Retry-After: S}, which some
 * clients take as leave to send the request again (OkHttp does for a 503 with 0).
 */
final class StatusEndpoint {

    private StatusEndpoint() {}

    static Reply reply(String code, String query) {
        int status;
        try {
            status = code.length() == 3 ? Integer.parseInt(code) : -1;
        } catch (NumberFormatException e) {
            status = -1;
        }
        if (status < 100 || status > 599) {
            return JsonReplies.error(400, "Invalid status code: expected /status/100 .. /status/599");
        }
        Reply reply = Reply.empty(status);
        String retryAfter = QueryParam.last(query, "retry_after");
        if (retryAfter != null) {
            // delta-seconds only: a decoded query could otherwise put a line break into the header
            if (!retryAfter.matches("[0-9]{1,9}")) {
                return JsonReplies.error(
                        400, "Invalid retry_after: expected whole seconds, e.g. /status/503?retry_after=0");
            }
            reply = reply.withHeader(HeaderLine.of("Retry-After", retryAfter));
        }
        // a lone 1xx is interim by definition: a client would wait forever for the final response, so end it here
        return status < 200 ? reply.closingConnection() : reply;
    }
}
