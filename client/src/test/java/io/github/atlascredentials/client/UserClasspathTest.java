package io.github.atlascredentials.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The jars a user's project gets with the client: the client pom's runtime dependencies as Maven resolves
 * them (written by the dependency plugin, see client/pom.xml), optional ones left out as Maven leaves them
 * out for users. They hold nothing the client does not need, and client/README.md lists them with their
 * sizes as they are. .ci/user-project-smoke.sh checks the same list in a stand-alone user project.
 */
class UserClasspathTest {
    /** Only the generated OAuth support (scribejava) and multipart support needed these; the client uses neither. */
    private static final List<String> UNWANTED = List.of("scribejava", "jersey-media-multipart", "mimepull");

    private static final String START = "<!-- runtime-dependencies:start -->";
    private static final String END = "<!-- runtime-dependencies:end -->";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    /** {@code group:artifact:type[:classifier]:version:scope:file[ (optional)][ -- module ...]} */
    private static final Pattern RESOLVED =
            Pattern.compile("^([^:\\s]+):([^:\\s]+):.*?:(?:compile|runtime):(.+?)( \\(optional\\))?(?: -- .*)?$");
    /** This project's own jars change size with every spec change: listed by name only. */
    private static final String OWN_GROUP = "io.github.atlascredentials";

    /** A jar of the classpath; {@code bytes} is -1 for this project's own. */
    private record Jar(String name, long bytes) {
        boolean own() {
            return bytes < 0;
        }
    }

    @Test
    void aUsersClasspathHoldsNoOAuthLibraryAndNoMultipartSupport() {
        assertThat(userJars())
                .isNotEmpty()
                .allSatisfy(jar ->
                        assertThat(UNWANTED).noneMatch(unwanted -> jar.name().contains(unwanted)));
    }

    @Test
    void theReadmeListsEveryJarWithItsSize() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("%s in client/README.md", START).isNotNegative();
        assertThat(end).as("%s in client/README.md", END).isGreaterThan(start);
        String listed = text.substring(start + START.length(), end).strip();

        assertThat(listed)
                .as("client/README.md lists the jars a user gets; replace its list with the expected one")
                .isEqualTo(table(userJars()));
    }

    /** The Markdown table of client/README.md: one row a jar, then the count and total. */
    private static String table(List<Jar> jars) {
        StringBuilder table = new StringBuilder("| Jar | Size |\n|---|---:|\n");
        long total = 0;
        for (Jar jar : jars) {
            table.append("| `")
                    .append(jar.name())
                    .append("` | ")
                    .append(jar.own() ? "this project's" : kilobytes(jar.bytes()))
                    .append(" |\n");
            total += Math.max(0, jar.bytes());
        }
        table.append("| **")
                .append(jars.size())
                .append(" jars** | **")
                .append(String.format(Locale.ROOT, "%.1f MB", total / 1_000_000.0))
                .append("** without this project's |");
        return table.toString();
    }

    private static String kilobytes(long bytes) {
        return String.format(Locale.ROOT, "%,d kB", Math.round(bytes / 1000.0));
    }

    private static List<Jar> userJars() {
        Path listing = Path.of(System.getProperty("runtime.dependencies.file", "target/runtime-dependencies.txt"));
        List<Jar> jars = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
                Matcher resolved =
                        RESOLVED.matcher(ANSI.matcher(line).replaceAll("").strip());
                if (!resolved.matches() || resolved.group(4) != null) {
                    continue;
                }
                if (resolved.group(1).equals(OWN_GROUP)) {
                    jars.add(new Jar(resolved.group(2), -1));
                } else {
                    Path jar = Path.of(resolved.group(3));
                    jars.add(new Jar(jar.getFileName().toString(), Files.size(jar)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the dependency plugin's list (client/pom.xml) is missing: " + listing, e);
        }
        jars.sort((a, b) -> a.name().compareTo(b.name()));
        return jars;
    }
}
