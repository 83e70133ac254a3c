package io.loadgrid.testbed.echo;

import io.loadgrid.testbed.http.Exchange;
import io.loadgrid.testbed.json.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body-derived echo fields, with httpbin's rules: form bodies fill {@code form}/{@code files} and leave
 * {@code data} empty; any other body is echoed in {@code data} and, when it parses as JSON, in {@code json}.
 */
record BodyEcho(String data, Map<String, Object> form, Map<String, Object> files, Object json) {

    static BodyEcho of(Exchange ex) {
        String type = ex.headers().get("content-type");
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("application/x-www-form-urlencoded")) {
            String text = ex.body().toString(StandardCharsets.UTF_8);
            return new BodyEcho("", ArgsEcho.parse(text), new TreeMap<>(), null);
        }
        if (lower.startsWith("multipart/form-data")) {
            MultipartFields parts = MultipartFields.parse(ex);
            return new BodyEcho("", parts.fields(), parts.files(), null);
        }
        if (!ex.body().isReadable()) {
            return new BodyEcho("", new TreeMap<>(), new TreeMap<>(), null);
        }
        byte[] bytes = ex.bodyBytes();
        Object json = JsonTree.parse(bytes);
        return new BodyEcho(
                BodyText.of(bytes), new TreeMap<>(), new TreeMap<>(), json == JsonTree.INVALID ? null : json);
    }
}
