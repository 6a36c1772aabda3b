package io.github.atlascredentials.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client loaded on the module path, as a modular user's application loads it: the façade, credentials,
 * exceptions and models are exported; the machinery and the generated invoker and operations are not, so code
 * outside the module cannot reach them (and a change there breaks no user).
 */
class ModuleBoundaryTest {
    private static final String CLIENT_MODULE = "io.github.atlascredentials.client";
    private static final Pattern JAR = Pattern.compile(":(/[^:]+?\\.jar)");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    private static ModuleLayer layer;
    private static Module client;

    @BeforeAll
    static void loadTheClientOnTheModulePath() throws IOException {
        List<Path> modulePath = new ArrayList<>();
        modulePath.add(Path.of("target/classes"));
        Path listing = Path.of(System.getProperty("runtime.dependencies.file", "target/runtime-dependencies.txt"));
        for (String line : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
            Matcher jar = JAR.matcher(ANSI.matcher(line).replaceAll(""));
            if (jar.find()) {
                modulePath.add(Path.of(jar.group(1)));
            }
        }
        ModuleFinder finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
        Configuration configuration =
                ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of(CLIENT_MODULE));
        layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        client = layer.findModule(CLIENT_MODULE).orElseThrow();
    }

    @Test
    void onlyTheFacadeCredentialsAndModelsAreExported() {
        Set<String> exported = client.getDescriptor().exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported)
                .containsExactlyInAnyOrder(CLIENT_MODULE, CLIENT_MODULE + ".auth", CLIENT_MODULE + ".generated.model");
        assertThat(client.getPackages())
                .contains(
                        CLIENT_MODULE + ".internal",
                        CLIENT_MODULE + ".internal.auth",
                        CLIENT_MODULE + ".generated.invoker",
                        CLIENT_MODULE + ".generated.api");
        Module jackson = layer.findModule("com.fasterxml.jackson.databind").orElseThrow();
        assertThat(client.isOpen(CLIENT_MODULE + ".generated.model", jackson)).isTrue();
    }

    @Test
    void anExportedTypeIsUsableAndReadsTheSpecsRuleTable() throws Throwable {
        Class<?> pageRequest = Class.forName(CLIENT_MODULE + ".PageRequest", true, client.getClassLoader());
        assertThat(pageRequest.getModule()).isSameAs(client);
        Object first = MethodHandles.publicLookup()
                .findStatic(pageRequest, "first", MethodType.methodType(pageRequest, int.class))
                .invoke(10);
        Object second = pageRequest.getMethod("next").invoke(first); // the spec's lowest page number, plus one
        assertThat(second).hasToString("PageRequest[pageNum=2, itemsPerPage=10]");
    }

    @Test
    void publicTypesOfUnexportedPackagesCannotBeReached() throws Exception {
        for (String internal : List.of(
                ".internal.auth.Masking",
                ".internal.Redactor",
                ".generated.invoker.ApiClient",
                ".generated.api.ServiceAccountsApi")) {
            Class<?> type = Class.forName(CLIENT_MODULE + internal, false, client.getClassLoader());
            assertThat(java.lang.reflect.Modifier.isPublic(type.getModifiers()))
                    .as(internal)
                    .isTrue();
            assertThat(client.isExported(type.getPackageName(), getClass().getModule()))
                    .as(internal)
                    .isFalse();
        }
        Class<?> redactor = Class.forName(CLIENT_MODULE + ".internal.Redactor", false, client.getClassLoader());
        assertThatThrownBy(
                        () -> MethodHandles.publicLookup().findConstructor(redactor, MethodType.methodType(void.class)))
                .isInstanceOf(IllegalAccessException.class);
        Class<?> masking = Class.forName(CLIENT_MODULE + ".internal.auth.Masking", false, client.getClassLoader());
        assertThatThrownBy(() -> MethodHandles.publicLookup()
                        .findStatic(
                                masking,
                                "requireText",
                                MethodType.methodType(String.class, String.class, String.class)))
                .isInstanceOf(IllegalAccessException.class)
                .hasMessageContaining("not accessible");
    }
}
