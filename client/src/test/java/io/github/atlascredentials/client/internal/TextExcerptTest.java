package io.github.atlascredentials.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The excerpt's length cap, exactly at its edge. */
class TextExcerptTest {

    @Test
    void excerptOfExactlyTheCapIsWholeAndOneMoreCharacterIsCut() {
        String exact = "x".repeat(TextExcerpt.MAX_LENGTH);
        assertThat(TextExcerpt.of(exact)).isEqualTo(exact);
        assertThat(TextExcerpt.of(exact + "y")).isEqualTo(exact + "…");
        assertThat(TextExcerpt.of("<p>" + exact + "</p>")).isEqualTo(exact);
    }

    @Test
    void tagsScriptsAndStylesGiveWayToSingleSpaces() {
        assertThat(TextExcerpt.of("<html><STYLE>p {}</style><h1>Bad\n\n gateway</h1><script>x()</SCRIPT>!</html>"))
                .isEqualTo("Bad gateway !");
        assertThat(TextExcerpt.of("before <script>never closed")).isEqualTo("before");
    }
}
