package io.github.atlascredentials.reliability.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks anything credential-shaped before it can reach an assertion message or a report. */
public final class Masking {
    private static final Pattern SHAPES = Pattern.compile("mdb_sa_sk_[A-Za-z0-9_-]{4,}"
            + "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
            + "|eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+"
            + "|(?i:(?<=basic )[A-Za-z0-9+/=]{8,})"
            + "|(?i:(?<=bearer )\\S{8,})"
            + "|(?i:(?<=response=\"?)[0-9a-f]{32})");

    private Masking() {}

    /** The last four characters only: {@code ****ABCD (48 chars)}. */
    public static String mask(String value) {
        if (value == null) {
            return "null";
        }
        String tail = value.length() > 12 ? value.substring(value.length() - 4) : "";
        return "****" + tail + " (" + value.length() + " chars)";
    }

    /** Every credential-shaped substring of a free text, masked. */
    public static String maskAll(String text) {
        if (text == null) {
            return "null";
        }
        Matcher m = SHAPES.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
