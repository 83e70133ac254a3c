package io.loadgrid.testbed.endpoints;

import io.loadgrid.testbed.echo.EchoDocument;
import io.loadgrid.testbed.echo.EchoField;
import io.loadgrid.testbed.http.Exchange;
import io.loadgrid.testbed.http.Reply;
import java.util.Set;

/** /get, /post and /anything: the request reflected back as httpbin does. */
final class Echo {

    private Echo() {}

    static Reply reply(Exchange ex, Set<EchoField> fields) {
        return JsonReplies.json(200, w -> EchoDocument.write(w, ex, fields));
    }
}
