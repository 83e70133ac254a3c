package io.loadgrid.testbed.echo;

import io.loadgrid.testbed.http.HeaderFields;
import io.loadgrid.testbed.json.PrettyJsonWriter;

/**
 * Request headers as httpbin shows them: names Title-Cased (Python's str.title, as Werkzeug does), sorted, and
 * repeated headers joined with a comma as the WSGI server does. Works on plain arrays: this runs on every /get.
 */
final class HeaderEcho {

    private HeaderEcho() {}

    static void write(PrettyJsonWriter w, HeaderFields headers) {
        int n = headers.size();
        String[] names = new String[n];
        String[] values = new String[n];
        int count = 0;
        for (int h = 0; h < n; h++) {
            String name = TitleCase.of(headers.name(h));
            String value = headers.value(h);
            int i = count;
            while (i > 0 && names[i - 1].compareTo(name) > 0) { // stable insertion sort: few headers
                names[i] = names[i - 1];
                values[i] = values[i - 1];
                i--;
            }
            if (i > 0 && names[i - 1].equals(name)) {
                values[i - 1] = values[i - 1] + "," + value;
                System.arraycopy(names, i + 1, names, i, count - i);
                System.arraycopy(values, i + 1, values, i, count - i);
                continue;
            }
            names[i] = name;
            values[i] = value;
            count++;
        }
        w.beginObject();
        for (int i = 0; i < count; i++) {
            w.name(names[i]).value(values[i]);
        }
        w.endObject();
    }
}
