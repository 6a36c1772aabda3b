package io.github.atlascredentials.docs.snippets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that every code block in the guides that is marked
 * {@code <!-- snippet: path/to/File.java#name -->} equals the region {@code name} of that
 * file (paths relative to the repository root), and that no Java block goes unmarked. A Java
 * snippet starts with the imports of its file that the region uses, then a blank line, so that
 * what a reader copies compiles with nothing to guess. Indentation and trailing blanks are
 * normalised on both sides; everything else must match.
 */
public final class SnippetChecker {

    private static final Pattern MARKER =
            Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+?)#([A-Za-z0-9_.-]+)\\s*-->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)\\s*([A-Za-z0-9_+-]*).*$");

    private static final String NO_BLOCK = "snippet marker is not followed by a code block";

    private record Marker(int line, String source, String region) {}

    private final Path repositoryRoot;

    public SnippetChecker(Path repositoryRoot) {
        this.repositoryRoot = Objects.requireNonNull(repositoryRoot, "repositoryRoot")
                .toAbsolutePath()
                .normalize();
    }

    /** Checks every {@code *.md} directly inside each directory, plus any single Markdown file given. */
    public List<SnippetProblem> check(List<Path> markdownFilesOrDirectories) {
        List<SnippetProblem> problems = new ArrayList<>();
        for (Path path : markdownFilesOrDirectories) {
            for (Path markdown : markdownFiles(path)) {
                problems.addAll(checkFile(markdown));
            }
        }
        return problems;
    }

    /** How many marked snippets a file holds; lets a test prove the checker saw them. */
    public static long countMarkers(Path markdown) {
        return read(markdown).stream()
                .filter(line -> MARKER.matcher(line).matches())
                .count();
    }

    List<SnippetProblem> checkFile(Path markdown) {
        List<String> lines = read(markdown);
        List<SnippetProblem> problems = new ArrayList<>();
        Marker pending = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line);
            if (marker.matches()) {
                if (pending != null) {
                    problems.add(problem(markdown, pending.line(), NO_BLOCK));
                }
                pending = new Marker(i + 1, marker.group(1), marker.group(2));
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                int close = closingFence(lines, i, fence.group(1));
                if (close < 0) {
                    problems.add(problem(markdown, i + 1, "code block never closes"));
                    return problems;
                }
                List<String> block = lines.subList(i + 1, close);
                if (pending != null) {
                    compare(markdown, pending.line(), pending.source(), pending.region(), block)
                            .ifPresent(problems::add);
                } else if (fence.group(2).equalsIgnoreCase("java")) {
                    problems.add(problem(
                            markdown,
                            i + 1,
                            "Java code block without a <!-- snippet: path#name -->"
                                    + " marker: copy it from compiled, tested code"));
                }
                pending = null;
                i = close;
                continue;
            }
            if (pending != null && !line.isBlank()) {
                problems.add(problem(markdown, pending.line(), NO_BLOCK));
                pending = null;
            }
        }
        if (pending != null) {
            problems.add(problem(markdown, pending.line(), NO_BLOCK));
        }
        return problems;
    }

    private Optional<SnippetProblem> compare(
            Path markdown, int line, String sourcePath, String region, List<String> block) {
        Path source = repositoryRoot.resolve(sourcePath).normalize();
        if (!source.startsWith(repositoryRoot)) {
            return Optional.of(problem(markdown, line, "snippet source " + sourcePath + " is outside the repository"));
        }
        if (!Files.isRegularFile(source)) {
            return Optional.of(problem(markdown, line, "snippet source " + sourcePath + " does not exist"));
        }
        SourceRegions regions = SourceRegions.parse(read(source));
        if (!regions.errors().isEmpty()) {
            return Optional.of(problem(markdown, line, sourcePath + ": " + String.join("; ", regions.errors())));
        }
        Optional<List<String>> expected = regions.region(region);
        if (expected.isEmpty()) {
            return Optional.of(problem(
                    markdown,
                    line,
                    "no region '" + region + "' in " + sourcePath + " (mark it with // snippet:start " + region
                            + " and // snippet:end " + region + ")"));
        }
        List<String> wanted = normalise(expected.get());
        if (!wanted.isEmpty() && sourcePath.endsWith(".java")) {
            wanted = withImports(importsUsed(read(source), wanted), wanted);
        }
        List<String> actual = normalise(block);
        if (wanted.isEmpty()) {
            return Optional.of(problem(markdown, line, "region '" + region + "' in " + sourcePath + " is empty"));
        }
        if (wanted.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of(problem(
                markdown,
                line,
                "snippet differs from " + sourcePath + "#" + region + ": "
                        + firstDifference(wanted, actual) + System.lineSeparator() + "--- expected (from source) ---"
                        + System.lineSeparator() + String.join(System.lineSeparator(), wanted)));
    }

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;\\s*$");

    /**
     * The import lines of a Java file, in the file's order, whose simple name (or static member)
     * the region's code mentions; comments in the region do not count as use.
     */
    static List<String> importsUsed(List<String> sourceLines, List<String> region) {
        String code = region.stream().map(l -> l.replaceAll("//.*$", "")).collect(Collectors.joining("\n"));
        List<String> used = new ArrayList<>();
        for (String line : sourceLines) {
            Matcher m = IMPORT.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(2);
            String simple = m.group(3) != null ? null : name.substring(name.lastIndexOf('.') + 1);
            if (simple != null
                    && Pattern.compile("\\b" + Pattern.quote(simple) + "\\b")
                            .matcher(code)
                            .find()) {
                used.add(line.strip());
            }
        }
        return used;
    }

    private static List<String> withImports(List<String> imports, List<String> region) {
        if (imports.isEmpty()
                || region.stream().anyMatch(l -> IMPORT.matcher(l.strip()).matches())) {
            return region;
        }
        List<String> all = new ArrayList<>(imports);
        all.add("");
        all.addAll(region);
        return all;
    }

    /** Strips the common indentation, trailing spaces and leading or trailing blank lines. */
    static List<String> normalise(List<String> lines) {
        List<String> trimmed = lines.stream()
                .map(l -> l.replace("\t", "    ").stripTrailing())
                .collect(Collectors.toCollection(ArrayList::new));
        while (!trimmed.isEmpty() && trimmed.get(0).isEmpty()) {
            trimmed.remove(0);
        }
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        int indent = trimmed.stream()
                .filter(l -> !l.isEmpty())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return trimmed.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList();
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "<nothing>";
            String got = i < actual.size() ? actual.get(i) : "<nothing>";
            if (!want.equals(got)) {
                return "line " + (i + 1) + " of the block is '" + got + "', the source has '" + want + "'";
            }
        }
        return "no difference";
    }

    private static int closingFence(List<String> lines, int open, String fence) {
        for (int i = open + 1; i < lines.size(); i++) {
            String stripped = lines.get(i).strip();
            if (stripped.startsWith(fence)
                    && stripped.replace(fence.substring(0, 1), "").isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private SnippetProblem problem(Path markdown, int line, String message) {
        Path shown = markdown.toAbsolutePath().normalize();
        String location = (shown.startsWith(repositoryRoot) ? repositoryRoot.relativize(shown) : shown) + ":" + line;
        return new SnippetProblem(location, message);
    }

    private static List<Path> markdownFiles(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
