package io.loadgrid.testbed.http;

import java.util.Arrays;

/**
 * A request's header fields in arrival order, names as sent. Requests carry a handful of headers, so a linear
 * case-insensitive scan beats hashing, and two arrays beat a map's per-entry objects on the hot path.
 */
public final class HeaderFields {

    private String[] names = new String[8];
    private String[] values = new String[8];
    private int size;

    void add(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    public int size() {
        return size;
    }

    public String name(int index) {
        return names[index];
    }

    public String value(int index) {
        return values[index];
    }

    /** First value of the named header (case-insensitive), or null. */
    public String get(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return values[i];
            }
        }
        return null;
    }
}
