package io.loadgrid.testbed.echo;

import io.loadgrid.testbed.http.Exchange;
import io.loadgrid.testbed.json.JsonTree;
import io.loadgrid.testbed.json.PrettyJsonWriter;
import java.util.Set;

/** Writes the httpbin echo of a request: the selected fields, sorted, pretty-printed, newline-terminated. */
public final class EchoDocument {

    private EchoDocument() {}

    public static void write(PrettyJsonWriter w, Exchange ex, Set<EchoField> fields) {
        BodyEcho body = fields.contains(EchoField.DATA) ? BodyEcho.of(ex) : null;
        w.beginObject();
        for (EchoField field : fields) {
            w.name(field.key);
            switch (field) {
                case ARGS -> ArgsEcho.write(w, ex.query());
                case DATA -> w.value(body.data());
                case FILES -> JsonTree.write(w, body.files());
                case FORM -> JsonTree.write(w, body.form());
                case HEADERS -> HeaderEcho.write(w, ex.headers());
                case JSON -> JsonTree.write(w, body.json());
                case METHOD -> w.value(ex.method().name());
                case ORIGIN -> w.value(ex.origin());
                case URL -> w.value(ex.url());
            }
        }
        w.endObject().newline();
    }
}
