package io.github.atlascredentials.docs.reference;

/** HTML escaping and the anchor names that link the page together. */
final class Html {

    private Html() {}

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String code(Object value) {
        return "<code>" + escape(value) + "</code>";
    }

    static String operationAnchor(String operationId) {
        return "op-" + operationId;
    }

    static String schemaAnchor(String name) {
        return "schema-" + name;
    }

    static String exampleAnchor(String name) {
        return "example-" + name;
    }

    static String schemaLink(String name) {
        return "<a href=\"#" + escape(schemaAnchor(name)) + "\">" + code(name) + "</a>";
    }

    /** The last segment of a local reference such as {@code #/components/schemas/ApiKey}. */
    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
