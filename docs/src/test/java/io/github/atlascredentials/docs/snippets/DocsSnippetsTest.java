package io.github.atlascredentials.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every marked snippet in docs/*.md and README.md equals its compiled, tested source. */
class DocsSnippetsTest {

    @Test
    void everySnippetInTheGuidesMatchesItsSource() {
        Path root =
                Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
        Path docs =
                Path.of(System.getProperty("docs.dir", ".")).toAbsolutePath().normalize();
        List<Path> scanned = new ArrayList<>(List.of(docs));
        if (Files.isRegularFile(root.resolve("README.md"))) {
            scanned.add(root.resolve("README.md"));
        }
        List<SnippetProblem> problems = new SnippetChecker(root).check(scanned);
        assertThat(problems)
                .as("snippets that no longer match their source (fix the doc or the source region)")
                .isEmpty();
        // The workflow snippet in guide 6 proves the check runs on the real guides.
        assertThat(SnippetChecker.countMarkers(docs.resolve("6-contract-testing.md")))
                .isPositive();
    }
}
