package io.github.atlascredentials.client.internal;

/**
 * A one-line plain-text excerpt of a body that is not the service's JSON (a proxy's HTML page):
 * script and style content and tags dropped, whitespace collapsed, length capped. One pass over
 * at most {@link #MAX_SCANNED} characters, so even a page of unclosed {@code <script>} tags costs
 * time linear in its size. Callers mask secrets in the whole body before calling this.
 */
final class TextExcerpt {
    static final int MAX_SCANNED = 64 * 1024;
    static final int MAX_LENGTH = 200;

    private TextExcerpt() {}

    static String of(String body) {
        String text = body.length() > MAX_SCANNED ? body.substring(0, MAX_SCANNED) : body;
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
        int i = 0;
        int n = text.length();
        while (i < n && out.length() <= MAX_LENGTH) {
            char c = text.charAt(i);
            if (c == '<') {
                int end = endOfElement(text, i);
                if (end < 0) {
                    break; // an unclosed tag or script: nothing readable follows
                }
                appendSpace(out);
                i = end;
            } else if (Character.isWhitespace(c)) {
                appendSpace(out);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        String excerpt = out.toString().trim();
        return excerpt.length() > MAX_LENGTH ? excerpt.substring(0, MAX_LENGTH) + "…" : excerpt;
    }

    /** The index after a tag, or after the matching close tag of a script or style element; -1 if unclosed. */
    private static int endOfElement(String text, int open) {
        int close = text.indexOf('>', open);
        if (close < 0) {
            return -1;
        }
        for (String raw : new String[] {"script", "style"}) {
            if (text.regionMatches(true, open + 1, raw, 0, raw.length())) {
                int end = indexOfIgnoreCase(text, "</" + raw, close);
                if (end < 0) {
                    return -1;
                }
                int endClose = text.indexOf('>', end);
                return endClose < 0 ? -1 : endClose + 1;
            }
        }
        return close + 1;
    }

    private static int indexOfIgnoreCase(String text, String needle, int from) {
        for (int i = from; i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static void appendSpace(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }
}
