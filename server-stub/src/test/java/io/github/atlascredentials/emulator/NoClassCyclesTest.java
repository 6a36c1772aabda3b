package io.github.atlascredentials.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two top-level classes of the emulator depend on each other, directly or through others: each file can be
 * read and changed starting from the ones it uses. A source scan (imports, same-package names, qualified names),
 * so it needs no bytecode library; comments and string literals are left out.
 */
class NoClassCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/atlascredentials/emulator");
    private static final String ROOT_PACKAGE = "io.github.atlascredentials.emulator";
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE_OR_IMPORT =
            Pattern.compile("^(?:package|import)\\s[^\\n]*$", Pattern.MULTILINE);
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z]\\w*\\b");

    @Test
    void topLevelClassesFormNoCycle() throws IOException {
        Map<String, Set<String>> graph = dependencies(SOURCES);
        assertThat(graph).hasSizeGreaterThan(50);
        assertThat(cycles(graph))
                .as("cycles between top-level classes of the emulator")
                .isEmpty();
    }

    @Test
    void theScanSeesACycle() {
        Map<String, Set<String>> graph = new TreeMap<>(
                Map.of("a.A", Set.of("b.B"), "b.B", Set.of("c.C"), "c.C", Set.of("a.A"), "d.D", Set.of("a.A")));
        assertThat(cycles(graph)).containsExactly(List.of("a.A", "b.B", "c.C"));
    }

    /** Each top-level class, by qualified name, to the emulator classes its file names. */
    static Map<String, Set<String>> dependencies(Path sources) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String relative = sources.relativize(p).toString().replace('\\', '/');
                String name = relative.substring(0, relative.length() - ".java".length())
                        .replace('/', '.');
                files.put(ROOT_PACKAGE + "." + name, p);
            });
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String self = file.getKey();
            String packageName = self.substring(0, self.lastIndexOf('.'));
            String source = COMMENTS_AND_STRINGS
                    .matcher(Files.readString(file.getValue()))
                    .replaceAll(" ");
            Set<String> uses = new TreeSet<>();
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                String imported = imports.group(1);
                files.keySet().stream()
                        .filter(c -> imported.equals(c) || imported.startsWith(c + "."))
                        .forEach(uses::add);
            }
            String body = PACKAGE_OR_IMPORT.matcher(source).replaceAll(" ");
            Set<String> names = new HashSet<>();
            TYPE_NAME.matcher(body).results().forEach(m -> names.add(m.group()));
            for (String other : files.keySet()) {
                int dot = other.lastIndexOf('.');
                boolean samePackage = other.substring(0, dot).equals(packageName);
                if ((samePackage && names.contains(other.substring(dot + 1)))
                        || body.contains(other + ".")
                        || body.contains(other + " ")) {
                    uses.add(other);
                }
            }
            uses.remove(self);
            graph.put(self, uses);
        }
        return graph;
    }

    /** The strongly connected components with more than one class (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<List<String>> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(
            String v,
            Map<String, Set<String>> graph,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<List<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                found.add(component);
            }
        }
    }
}
