package io.loadgrid.testbed.endpoints;

import io.loadgrid.testbed.echo.EchoField;
import io.loadgrid.testbed.http.Exchange;
import io.loadgrid.testbed.http.Reply;

/** /delay/{seconds}: the /get echo, sent after a timer on the event loop (fractions allowed, capped like httpbin). */
final class DelayEndpoint {

    static final double MAX_SECONDS = 10;

    private DelayEndpoint() {}

    static Reply reply(Exchange ex, String seconds) {
        double s;
        try {
            s = Double.parseDouble(seconds);
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (!(s >= 0) || !seconds.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return JsonReplies.error(400, "delay must be a non-negative number of seconds, e.g. /delay/0.5");
        }
        return Echo.reply(ex, EchoField.GET).delayedByMillis(Math.min(s, MAX_SECONDS) * 1000);
    }
}
