package io.loadgrid.target.endpoints;

import io.loadgrid.target.echo.EchoDocument;
import io.loadgrid.target.echo.EchoField;
import io.loadgrid.target.http.Exchange;
import io.loadgrid.target.http.Reply;

import java.util.Set;

/** /get, /post and /anything: the request reflected back as httpbin does. */
final class Echo {

    private Echo() {
    }

    static Reply reply(Exchange ex, Set<EchoField> fields) {
        return JsonReplies.json(200, w -> EchoDocument.write(w, ex, fields));
    }
}
