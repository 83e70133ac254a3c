package io.loadgrid.report.sweep;

/** Text from plans, cell names and agents goes into the page as text, never as markup. */
final class HtmlText {
    static final String SATURATED_SIGN = "⚠";

    private HtmlText() {}

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Escaped, with each saturation sign made to stand out and say what it means. */
    static String flagged(String s) {
        return escape(s)
                .replace(
                        SATURATED_SIGN,
                        "<span class=\"sat\" title=\"generator saturated\">" + SATURATED_SIGN + "</span>");
    }
}
