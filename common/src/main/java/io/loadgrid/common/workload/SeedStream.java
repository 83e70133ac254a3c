package io.loadgrid.common.workload;

/**
 * Seed 000's URL generator: item i is {@code {base}/anything/{i}?query={p}} where p starts as the alphabet
 * and doubles after every item until it is at least 1000 characters long, then starts again
 * (26, 52, 104, 208, 416, 832, 1664, 26, ...).
 */
public record SeedStream(String base) implements UrlSource {
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";
    /** The seven query values of one cycle, precomputed because they repeat forever. */
    private static final String[] QUERIES = cycle();

    public SeedStream {
        base = Urls.stripTrailingSlash(base);
    }

    public static int cycleLength() {
        return QUERIES.length;
    }

    public static String query(long index) {
        return QUERIES[(int) (index % QUERIES.length)];
    }

    @Override
    public String url(long index) {
        return base + "/anything/" + index + "?query=" + query(index);
    }

    private static String[] cycle() {
        var list = new java.util.ArrayList<String>();
        String p = ALPHABET;
        while (true) {
            list.add(p);
            if (p.length() >= 1000) {
                return list.toArray(String[]::new);
            }
            p = p + p;
        }
    }
}
