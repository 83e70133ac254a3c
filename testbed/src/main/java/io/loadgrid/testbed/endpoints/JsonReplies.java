package io.loadgrid.testbed.endpoints;

import io.loadgrid.testbed.http.HeaderLine;
import io.loadgrid.testbed.http.Reply;
import io.loadgrid.testbed.json.PrettyJsonWriter;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.function.Consumer;

/** JSON replies rendered into a per-event-loop scratch writer, then copied once into the reply. */
final class JsonReplies {

    private static final FastThreadLocal<PrettyJsonWriter> WRITER = new FastThreadLocal<>() {
        @Override
        protected PrettyJsonWriter initialValue() {
            return new PrettyJsonWriter();
        }
    };

    private JsonReplies() {}

    static Reply json(int status, Consumer<PrettyJsonWriter> document) {
        PrettyJsonWriter w = WRITER.get().reset();
        document.accept(w);
        return Reply.of(status, HeaderLine.JSON, w.array(), w.length());
    }

    /** httpbin-style error document: {@code {"error": "..."}}. */
    static Reply error(int status, String message) {
        return json(
                status,
                w -> w.beginObject().name("error").value(message).endObject().newline());
    }
}
