package io.loadgrid.testbed.endpoints;

import io.loadgrid.testbed.http.HeaderLine;
import io.loadgrid.testbed.http.Reply;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * /status/{codes}: an empty response with that status; as httpbin, several codes ({@code /status/200,500}, weighted
 * as {@code 200:0.9,500:0.1}) answer one of them at random. {@code ?retry_after=S} adds {@code Retry-After: S}, which
 * some clients take as leave to send the request again (OkHttp does for a 503 with 0).
 */
final class StatusEndpoint {
    private static final String INVALID = "Invalid status code: expected /status/100 .. /status/599, or several as"
            + " /status/200,500 or 200:0.9,500:0.1";

    private static final Pattern CODE = Pattern.compile("[1-5][0-9][0-9]");

    private StatusEndpoint() {}

    static Reply reply(String codes, String query) {
        int status = pick(codes);
        if (status < 0) {
            return JsonReplies.error(400, INVALID);
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

    /** One of the codes, drawn by weight (1 where none is given); -1 when any of them is not valid. */
    private static int pick(String codes) {
        String[] choices = codes.split(",", -1);
        int[] status = new int[choices.length];
        double[] weight = new double[choices.length];
        double total = 0;
        for (int i = 0; i < choices.length; i++) {
            String[] parts = choices[i].split(":", -1);
            status[i] = parts.length <= 2 ? code(parts[0]) : -1;
            weight[i] = parts.length == 2 ? weight(parts[1]) : 1;
            if (status[i] < 0 || !(weight[i] >= 0)) {
                return -1;
            }
            total += weight[i];
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            return -1;
        }
        double at = choices.length == 1 ? 0 : ThreadLocalRandom.current().nextDouble(total);
        for (int i = 0; i < choices.length - 1; i++) {
            at -= weight[i];
            if (at < 0) {
                return status[i];
            }
        }
        return status[choices.length - 1];
    }

    private static int code(String text) {
        if (!CODE.matcher(text).matches()) {
            return -1;
        }
        return Integer.parseInt(text);
    }

    private static double weight(String text) {
        try {
            double w = Double.parseDouble(text);
            return Double.isFinite(w) ? w : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
