package io.loadgrid.testbed.echo;

/** Python's {@code str.title()} for header names: a letter is upper-case iff the previous char is not a letter. */
final class TitleCase {

    private TitleCase() {}

    static String of(String name) {
        if (isTitleCase(name)) {
            return name; // the common case (clients mostly send "Host", "User-Agent" ...): no copy
        }
        int n = name.length();
        char[] out = new char[n];
        boolean prevLetter = false;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean letter = Character.isLetter(c);
            out[i] = letter ? (prevLetter ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c;
            prevLetter = letter;
        }
        return new String(out);
    }

    private static boolean isTitleCase(String name) {
        boolean prevLetter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = Character.isLetter(c);
            if (letter && (prevLetter ? Character.isUpperCase(c) : Character.isLowerCase(c))) {
                return false;
            }
            prevLetter = letter;
        }
        return true;
    }
}
