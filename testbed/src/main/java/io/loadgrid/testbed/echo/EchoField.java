package io.loadgrid.testbed.echo;

import java.util.EnumSet;
import java.util.Set;

/** Top-level keys of an httpbin echo, declared alphabetically so an EnumSet iterates them in httpbin's sorted order. */
public enum EchoField {
    ARGS,
    DATA,
    FILES,
    FORM,
    HEADERS,
    JSON,
    METHOD,
    ORIGIN,
    URL;

    public static final Set<EchoField> GET = EnumSet.of(ARGS, HEADERS, ORIGIN, URL);
    public static final Set<EchoField> POST = EnumSet.of(ARGS, DATA, FILES, FORM, HEADERS, JSON, ORIGIN, URL);
    public static final Set<EchoField> ANYTHING = EnumSet.allOf(EchoField.class);

    final String key = name().toLowerCase(java.util.Locale.ROOT);
}
