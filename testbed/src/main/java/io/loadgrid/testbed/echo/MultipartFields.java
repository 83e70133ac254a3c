package io.loadgrid.testbed.echo;

import io.loadgrid.testbed.http.Exchange;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** multipart/form-data split into httpbin's {@code form} (plain fields) and {@code files} (uploads, as text). */
record MultipartFields(Map<String, Object> fields, Map<String, Object> files) {

    static MultipartFields parse(Exchange ex) {
        Map<String, Object> fields = new TreeMap<>();
        Map<String, Object> files = new TreeMap<>();
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.POST, ex.uri(), ex.body().retainedDuplicate());
        for (int i = 0; i < ex.headers().size(); i++) {
            request.headers().add(ex.headers().name(i), ex.headers().value(i));
        }
        HttpPostRequestDecoder decoder = null;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
            for (InterfaceHttpData part : decoder.getBodyHttpDatas()) {
                if (part instanceof FileUpload upload) {
                    add(files, upload.getName(), BodyText.of(upload.get()));
                } else if (part instanceof Attribute attribute) {
                    add(fields, attribute.getName(), attribute.getValue());
                }
            }
        } catch (IOException | RuntimeException malformed) {
            // httpbin shows whatever it could parse; a broken multipart body is still echoed, just emptier
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            request.release();
        }
        return new MultipartFields(fields, files);
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> map, String name, String value) {
        Object prior = map.get(name);
        if (prior == null) {
            map.put(name, value);
        } else if (prior instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else {
            List<Object> list = new ArrayList<>();
            list.add(prior);
            list.add(value);
            map.put(name, list);
        }
    }
}
