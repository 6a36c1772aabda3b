package io.github.atlascredentials.spec.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.spec.gate.GateVerdict.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API gate on two small jars compiled here: one public method removed, or an internal one. */
class ClientApiGateTest {

    private static final ProjectVersion RELEASED = ProjectVersion.parse("1.0.0-api.2024-08-05");
    private static final ProjectVersion SAME_MAJOR = ProjectVersion.parse("1.1.0-api.2024-08-05");
    private static final ProjectVersion NEXT_MAJOR = ProjectVersion.parse("2.0.0-api.2025-03-12");

    private static final String API = "io/github/atlascredentials/client/Api.java";
    private static final String INTERNAL = "io/github/atlascredentials/client/internal/Helper.java";
    private static final String MODULE = "module-info.java";
    private static final String INVOKER = "io/github/atlascredentials/client/generated/invoker/Invoker.java";

    @TempDir
    Path dir;

    @Test
    void sameApiIsUnchanged() throws IOException {
        Path old = jar("old", Map.of(API, api("public void a() {} public void b() {}")));
        Path current = jar("new", Map.of(API, api("public void a() {} public void b() {}")));
        assertThat(gate(old, current, SAME_MAJOR, false).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void addedMethodIsCompatible() throws IOException {
        Path old = jar("old", Map.of(API, api("public void a() {}")));
        Path current = jar("new", Map.of(API, api("public void a() {} public void b() {}")));
        assertThat(gate(old, current, SAME_MAJOR, false).outcome()).isEqualTo(Outcome.COMPATIBLE);
    }

    @Test
    void removedMethodIsRefusedWithTheReport() throws IOException {
        Path old = jar("old", Map.of(API, api("public void a() {} public void b() {}")));
        Path current = jar("new", Map.of(API, api("public void a() {}")));
        assertThatThrownBy(() -> gate(old, current, SAME_MAJOR, false))
                .isInstanceOf(BreakingSpecChangeException.class)
                .hasMessageContaining("Incompatible change to the client's Java API since release 1.0.0-api.2024-08-05")
                .hasMessageContaining("io.github.atlascredentials.client.Api");
        assertThat(Files.readString(dir.resolve(ClientApiGate.REPORT))).contains("BREAKING_REFUSED", "b()");
    }

    @Test
    void removedMethodPassesWithTheOverrideOrAMajorBump() throws IOException {
        Path old = jar("old", Map.of(API, api("public void a() {} public void b() {}")));
        Path current = jar("new", Map.of(API, api("public void a() {}")));
        assertThat(gate(old, current, SAME_MAJOR, true).outcome()).isEqualTo(Outcome.BREAKING_OVERRIDDEN);
        assertThat(gate(old, current, NEXT_MAJOR, false).outcome()).isEqualTo(Outcome.BREAKING_WITH_MAJOR_BUMP);
    }

    @Test
    void internalPackagesAreNotApi() throws IOException {
        String api = api("public void a() {}");
        Path old = jar(
                "old",
                Map.of(
                        API,
                        api,
                        INTERNAL,
                        "package io.github.atlascredentials.client.internal;"
                                + " public class Helper { public void gone() {} }"));
        Path current = jar(
                "new",
                Map.of(
                        API,
                        api,
                        INTERNAL,
                        "package io.github.atlascredentials.client.internal;" + " public class Helper { }"));
        assertThat(gate(old, current, SAME_MAJOR, false).passes()).isTrue();
    }

    @Test
    void packagesTheModuleDoesNotExportAreNotApi() throws IOException {
        Map<String, String> old =
                Map.of(MODULE, module(), API, api("public void a() {}"), INVOKER, invoker("public void gone() {}"));
        Map<String, String> current = Map.of(MODULE, module(), API, api("public void a() {}"), INVOKER, invoker(""));
        Path currentJar = jar("new", current);
        assertThat(ClientApiGate.unexportedPackages(currentJar))
                .containsExactly("io.github.atlascredentials.client.generated.invoker");
        assertThat(gate(jar("old", old), currentJar, SAME_MAJOR, false).passes())
                .isTrue();
    }

    @Test
    void aBreakInAnExportedPackageOfTheModuleIsStillCaught() throws IOException {
        Path old = jar(
                "old",
                Map.of(MODULE, module(), API, api("public void a() {} public void b() {}"), INVOKER, invoker("")));
        Path current = jar("new", Map.of(MODULE, module(), API, api("public void a() {}"), INVOKER, invoker("")));
        assertThatThrownBy(() -> gate(old, current, SAME_MAJOR, false))
                .isInstanceOf(BreakingSpecChangeException.class)
                .hasMessageContaining("io.github.atlascredentials.client.Api");
    }

    private static String module() {
        return "module io.github.atlascredentials.client { exports io.github.atlascredentials.client; }";
    }

    private static String invoker(String members) {
        return "package io.github.atlascredentials.client.generated.invoker; public class Invoker { " + members + " }";
    }

    private GateVerdict gate(Path old, Path current, ProjectVersion project, boolean allowBreaking) {
        return ClientApiGate.run(old, RELEASED, current, project, allowBreaking, dir);
    }

    private static String api(String members) {
        return "package io.github.atlascredentials.client; public class Api { " + members + " }";
    }

    /** Compiles the sources and packs the classes into {@code name.jar}. */
    private Path jar(String name, Map<String, String> sources) throws IOException {
        Path src = dir.resolve(name + "-src");
        Path classes = dir.resolve(name + "-classes");
        Files.createDirectories(classes);
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString()));
        sources.keySet().forEach(key -> args.add(src.resolve(key).toString()));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)))
                .isZero();
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
