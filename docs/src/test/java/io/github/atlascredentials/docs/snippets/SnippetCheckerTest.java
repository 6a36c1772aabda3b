package io.github.atlascredentials.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker on a fixture repository: it passes a faithful copy and fails loudly on anything else. */
class SnippetCheckerTest {

    private static final String SOURCE = """
            package example;

            class Example {
                void run() {
                    // snippet:start create-secret
                    Secret secret = client.createSecret(orgId, clientId, 8);
                    // snippet:start inner
                    use(secret);
                    // snippet:end inner
                    // snippet:end create-secret
                }
            }
            """;

    @TempDir
    Path repo;

    private SnippetChecker checker;

    @BeforeEach
    void writeSource() throws IOException {
        Files.createDirectories(repo.resolve("src/example"));
        Files.writeString(repo.resolve("src/example/Example.java"), SOURCE);
        Files.createDirectories(repo.resolve("docs"));
        checker = new SnippetChecker(repo);
    }

    @Test
    void faithfulCopyWithOtherIndentationPasses() throws IOException {
        List<SnippetProblem> problems = check("""
                # Guide

                <!-- snippet: src/example/Example.java#create-secret -->
                ```java
                Secret secret = client.createSecret(orgId, clientId, 8);
                use(secret);
                ```

                <!-- snippet: src/example/Example.java#inner -->
                ```java
                        use(secret);
                ```

                ```bash
                ./mvnw verify
                ```
                """);
        assertThat(problems).isEmpty();
        assertThat(SnippetChecker.countMarkers(repo.resolve("docs/guide.md"))).isEqualTo(2);
    }

    @Test
    void changedCodeFailsAndShowsTheSource() throws IOException {
        List<SnippetProblem> problems = check("""
                <!-- snippet: src/example/Example.java#create-secret -->
                ```java
                Secret secret = client.createSecret(orgId, clientId, 24);
                use(secret);
                ```
                """);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("docs/guide.md:1");
            assertThat(problem.message())
                    .contains("snippet differs from src/example/Example.java#create-secret")
                    .contains("line 1 of the block is 'Secret secret = client.createSecret(orgId, clientId, 24);'")
                    .contains("client.createSecret(orgId, clientId, 8);");
        });
    }

    @Test
    void missingLineFails() throws IOException {
        assertThat(check("""
                <!-- snippet: src/example/Example.java#create-secret -->
                ```java
                Secret secret = client.createSecret(orgId, clientId, 8);
                ```
                """))
                .singleElement()
                .extracting(SnippetProblem::message)
                .asString()
                .contains("line 2 of the block is '<nothing>'");
    }

    @Test
    void missingSourceFileFails() throws IOException {
        assertThat(check("""
                <!-- snippet: src/example/Gone.java#create-secret -->
                ```java
                x();
                ```
                """))
                .singleElement()
                .extracting(SnippetProblem::message)
                .asString()
                .isEqualTo("snippet source src/example/Gone.java does not exist");
    }

    @Test
    void missingRegionFails() throws IOException {
        assertThat(check("""
                <!-- snippet: src/example/Example.java#revoke-token -->
                ```java
                x();
                ```
                """))
                .singleElement()
                .extracting(SnippetProblem::message)
                .asString()
                .startsWith("no region 'revoke-token' in src/example/Example.java");
    }

    @Test
    void unmarkedJavaBlockFails() throws IOException {
        assertThat(check("""
                Some text.

                ```java
                Client client = Client.builder().build();
                ```
                """)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("docs/guide.md:3");
            assertThat(problem.message()).startsWith("Java code block without a <!-- snippet:");
        });
    }

    @Test
    void markerWithoutBlockFails() throws IOException {
        assertThat(check("""
                <!-- snippet: src/example/Example.java#create-secret -->
                Text instead of code.
                """))
                .singleElement()
                .extracting(SnippetProblem::message)
                .asString()
                .isEqualTo("snippet marker is not followed by a code block");
    }

    @Test
    void sourceOutsideTheRepositoryFails() throws IOException {
        assertThat(check("""
                <!-- snippet: ../secrets.txt#x -->
                ```text
                x
                ```
                """))
                .singleElement()
                .extracting(SnippetProblem::message)
                .asString()
                .contains("outside the repository");
    }

    @Test
    void brokenRegionsInTheSourceFail() throws IOException {
        Files.writeString(repo.resolve("src/example/Broken.java"), """
                // snippet:start open
                x();
                """);
        assertThat(check("""
                <!-- snippet: src/example/Broken.java#open -->
                ```java
                x();
                ```
                """))
                .singleElement()
                .extracting(SnippetProblem::message)
                .asString()
                .contains("region 'open' starts at line 1 but never ends");
    }

    @Test
    void yamlRegionsUseHashComments() throws IOException {
        Files.writeString(repo.resolve("ci.yml"), """
                jobs:
                  # snippet:start steps
                  build:
                    runs-on: ubuntu-latest
                  # snippet:end steps
                """);
        assertThat(check("""
                <!-- snippet: ci.yml#steps -->
                ```yaml
                build:
                  runs-on: ubuntu-latest
                ```
                """)).isEmpty();
    }

    @Test
    void javaSnippetsStartWithTheImportsTheirRegionUses() throws IOException {
        Files.writeString(repo.resolve("src/example/Imports.java"), """
                package example;

                import java.time.Duration;
                import java.util.List;
                import java.util.Map;

                class Imports {
                    void run() {
                        // snippet:start waits
                        List<Duration> waits = List.of(Duration.ofSeconds(1)); // a Map would do too
                        // snippet:end waits
                    }
                }
                """);
        String withImports = """
                <!-- snippet: src/example/Imports.java#waits -->
                ```java
                import java.time.Duration;
                import java.util.List;

                List<Duration> waits = List.of(Duration.ofSeconds(1)); // a Map would do too
                ```
                """;
        assertThat(check(withImports)).isEmpty();
        String without = """
                <!-- snippet: src/example/Imports.java#waits -->
                ```java
                List<Duration> waits = List.of(Duration.ofSeconds(1)); // a Map would do too
                ```
                """;
        assertThat(check(without))
                .singleElement()
                .extracting(SnippetProblem::message)
                .asString()
                .contains("import java.time.Duration;");
    }

    @Test
    void normalisingKeepsRelativeIndentation() {
        assertThat(SnippetChecker.normalise(List.of("", "    if (x) {", "        y();  ", "    }", "")))
                .containsExactly("if (x) {", "    y();", "}");
    }

    private List<SnippetProblem> check(String markdown) throws IOException {
        Files.writeString(repo.resolve("docs/guide.md"), markdown);
        return checker.check(List.of(repo.resolve("docs")));
    }
}
