package io.loadgrid.target.endpoints;

import io.loadgrid.target.http.Reply;

/** /status/{code}: an empty response with that status. */
final class StatusEndpoint {

    private StatusEndpoint() {
    }

    static Reply reply(String code) {
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
        // a lone 1xx is interim by definition: a client would wait forever for the final response, so end it here
        return status < 200 ? reply.closingConnection() : reply;
    }
}
