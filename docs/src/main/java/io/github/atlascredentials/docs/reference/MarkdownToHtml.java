package io.github.atlascredentials.docs.reference;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Renders the spec's CommonMark descriptions (with GitHub tables, such as the errorCode table). */
final class MarkdownToHtml {

    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    // Raw HTML in a description is shown as text: the spec is data, not markup.
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    private MarkdownToHtml() {}

    /** A whole page with the reference's style, for generated Markdown pages such as Fidelity. */
    static String page(String title, String markdown) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Html.escape(title)
                + "</title>\n<style>\n" + PageStyle.CSS + "</style>\n</head>\n<body>\n<main>\n" + render(markdown)
                + "</main>\n</body>\n</html>\n";
    }

    static String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }
}
