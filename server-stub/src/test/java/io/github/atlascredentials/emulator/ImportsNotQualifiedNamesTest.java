package io.github.atlascredentials.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Main code (the emulator's, the client's, the spec module's, the JUnit extension's) names classes through imports, not inline fully qualified names (which hide a file's dependencies
 * from its import list). Comments and string literals may name them; a clash of simple names is the only excuse,
 * and none exists today.
 */
class ImportsNotQualifiedNamesTest {
    /** This module's main code and that of the other hand-written main code (the tests run in server-stub/). */
    private static final List<Path> SOURCES = List.of(
            Path.of("src/main/java"),
            Path.of("../client/src/main/java"),
            Path.of("../spec/src/main/java"),
            Path.of("../emulator-junit/src/main/java"));

    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'", Pattern.DOTALL);
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("\\b(?:java|javax|jakarta|org|com|io)(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");

    @Test
    void mainCodeImportsWhatItUses() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path sources : SOURCES) {
            assertThat(sources).isDirectory();
            try (Stream<Path> walk = Files.walk(sources)) {
                for (Path file :
                        walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    found.addAll(qualifiedNames(file.toString(), Files.readString(file)));
                }
            }
        }
        assertThat(found)
                .as("inline fully qualified names in main code (import them instead)")
                .isEmpty();
    }

    @Test
    void theCheckSeesAQualifiedNameButNotImportsCommentsOrStrings() {
        String source = "package a;\nimport java.util.List;\n/** {@link java.util.Map} */\nclass A {\n"
                + "    String s = \"java.util.Set\"; // java.util.Deque\n    java.util.Map<String, List<String>> m;\n}\n";
        assertThat(qualifiedNames("A.java", source)).containsExactly("A.java:6: java.util.Map");
    }

    static List<String> qualifiedNames(String file, String source) {
        String code =
                COMMENTS_AND_STRINGS.matcher(source).replaceAll(m -> m.group().replaceAll("[^\\n]", " "));
        List<String> found = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            int number = i + 1;
            QUALIFIED_NAME.matcher(line).results().forEach(m -> found.add(file + ":" + number + ": " + m.group()));
        }
        return found;
    }
}
