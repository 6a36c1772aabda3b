package io.github.atlascredentials.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything bench/run.sh measured, read from its results folder. */
final class Results {
    /** Servers of the throughput runs, in display order. */
    static final Map<String, String> SERVERS = names(
            "emulator-memory", "Emulator, in memory",
            "emulator-disk", "Emulator, --data-dir",
            "fixed-body", "(a) Jersey+Grizzly, fixed body",
            "prism", "(b) Prism mock");
    /** Start-up candidates, in display order. */
    static final Map<String, String> STARTERS = names(
            "emulator-cds", "Emulator, the README's command: scripts/atlas-emulator (ZGC, class-data archive)",
            "emulator-jar", "Emulator, plain java -jar",
            "fixed-body", "(a) Jersey+Grizzly, fixed body, java -jar",
            "prism", "(b) Prism mock");
    /** Resident memory: the start-up candidates and WireMock, in display order. */
    static final Map<String, String> MEMORY_SERVERS = names(
            "emulator-cds", "Emulator, the README's command (ZGC)",
            "emulator-jar", "Emulator, plain java -jar (G1)",
            "fixed-body", "(a) Jersey+Grizzly, fixed body, java -jar",
            "wiremock", "WireMock 3 standalone, java -jar, no stubs",
            "prism", "(b) Prism mock");

    static final Map<String, String> WORKLOADS = names(
            "secret", "Atlas secret creation",
            "apikey", "API key creation");

    record Key(String server, String workload, int connections) {}

    /** cpuUsPerRequest: the server process's CPU time per request (user + system); NaN when not recorded. */
    record Throughput(
            Stats rps, Stats p50Us, Stats p99Us, long requests, long notOk, long socketErrors, Stats cpuUsPerRequest) {}

    /** A JFR profile summary of one server (ProfileSummary's rows), in file order. */
    final Map<String, Map<String, String>> profiles = new LinkedHashMap<>();

    record ClientBench(String name, double score, double error, String unit, Stats forkMeans, int forks) {}

    final Map<Key, Throughput> throughput = new LinkedHashMap<>();
    final Map<String, ClientBench> client = new LinkedHashMap<>();
    final List<Map<String, String>> roundTrips;
    final Map<String, Stats> startup = new LinkedHashMap<>();
    final List<Map<String, String>> build;
    /** Steady state: segment 0 is the heap after warm-up; then one row per segment of create-then-delete pairs. */
    final List<Map<String, String>> steady;
    /** Stored credentials: run 0 is the heap before; then one row per wrk run with the count stored before it. */
    final List<Map<String, String>> store;

    final Map<String, String> machine = new LinkedHashMap<>();
    final String commands;
    /** The JUnit extension (ExtensionStartup): label, measure, run, ms. */
    final List<Map<String, String>> extension;
    /** Resident memory: server, state ("idle" or "stored N"), rss_kb, pss_kb, heap_kb (stored rows; older runs: none). */
    final List<Map<String, String>> memory;

    Results(Path dir) throws IOException {
        readThroughput(Tsv.read(dir.resolve("throughput.tsv")));
        readClient(dir);
        roundTrips = Tsv.read(dir.resolve("roundtrips.tsv"));
        readStartup(Tsv.read(dir.resolve("startup.tsv")));
        build = Tsv.read(dir.resolve("build.tsv"));
        steady = Tsv.read(dir.resolve("steady.tsv"));
        store = Tsv.read(dir.resolve("store.tsv"));
        extension = Tsv.read(dir.resolve("extension.tsv"));
        memory = Tsv.read(dir.resolve("memory.tsv"));
        for (String server : SERVERS.keySet()) {
            Path profile = dir.resolve("profile-" + server + ".tsv");
            if (Files.exists(profile)) {
                Map<String, String> rows = new LinkedHashMap<>();
                Tsv.read(profile).forEach(r -> rows.put(r.get("key"), r.get("value")));
                profiles.put(server, rows);
            }
        }
        Path commandsFile = dir.resolve("commands.txt");
        commands = Files.exists(commandsFile) ? Files.readString(commandsFile).strip() : "(not recorded)";
        for (Map<String, String> row : Tsv.read(dir.resolve("machine.tsv"))) {
            machine.put(row.get("key"), row.get("value"));
        }
    }

    private void readThroughput(List<Map<String, String>> rows) {
        for (String server : SERVERS.keySet()) {
            for (String workload : WORKLOADS.keySet()) {
                for (int connections : connections(rows)) {
                    List<Map<String, String>> runs = rows.stream()
                            .filter(r -> r.get("server").equals(server)
                                    && r.get("workload").equals(workload)
                                    && Integer.parseInt(r.get("connections")) == connections)
                            .toList();
                    if (!runs.isEmpty()) {
                        throughput.put(
                                new Key(server, workload, connections),
                                new Throughput(
                                        stats(runs, "rps"),
                                        stats(runs, "p50_us"),
                                        stats(runs, "p99_us"),
                                        sum(runs, "requests"),
                                        sum(runs, "not_2xx"),
                                        sum(runs, "socket_errors"),
                                        runs.get(0).containsKey("cpu_us_per_request")
                                                ? stats(runs, "cpu_us_per_request")
                                                : Stats.of(List.of(Double.NaN))));
                    }
                }
            }
        }
    }

    static List<Integer> connections(List<Map<String, String>> rows) {
        return rows.stream()
                .map(r -> Integer.parseInt(r.get("connections")))
                .distinct()
                .sorted()
                .toList();
    }

    List<Integer> connectionLevels() {
        return throughput.keySet().stream()
                .map(Key::connections)
                .distinct()
                .sorted()
                .toList();
    }

    Optional<Throughput> throughput(String server, String workload, int connections) {
        return Optional.ofNullable(throughput.get(new Key(server, workload, connections)));
    }

    private static Stats stats(List<Map<String, String>> runs, String column) {
        return Stats.of(
                runs.stream().map(r -> Double.parseDouble(r.get(column))).toList());
    }

    private static long sum(List<Map<String, String>> runs, String column) {
        return runs.stream().mapToLong(r -> Long.parseLong(r.get(column))).sum();
    }

    /** Reads every client-*.json of JMH (one fork each when run.sh interleaves rounds) and merges per benchmark. */
    private void readClient(Path dir) throws IOException {
        Map<String, List<List<Double>>> forks = new java.util.TreeMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        List<Path> files;
        try (var listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().matches("client.*\\.json"))
                    .sorted()
                    .toList();
        }
        for (Path json : files) {
            for (JsonNode bench : new ObjectMapper().readTree(json.toFile())) {
                String full = bench.get("benchmark").asText();
                String name = full.substring(full.lastIndexOf('.') + 1);
                JsonNode metric = bench.get("primaryMetric");
                units.put(name, metric.get("scoreUnit").asText());
                for (JsonNode fork : metric.get("rawData")) {
                    List<Double> iterations = new ArrayList<>();
                    fork.forEach(i -> iterations.add(i.asDouble()));
                    forks.computeIfAbsent(name, n -> new ArrayList<>()).add(iterations);
                }
            }
        }
        forks.forEach((name, list) -> {
            List<Double> all = list.stream().flatMap(List::stream).toList();
            List<Double> forkMeans = list.stream()
                    .map(f -> f.stream()
                            .mapToDouble(Double::doubleValue)
                            .average()
                            .orElse(Double.NaN))
                    .toList();
            double mean =
                    all.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            client.put(
                    name,
                    new ClientBench(
                            name, mean, confidence999(all, mean), units.get(name), Stats.of(forkMeans), list.size()));
        });
    }

    /** Half-width of the 99.9 % confidence interval of the mean, as JMH reports it. */
    private static double confidence999(List<Double> values, double mean) {
        int n = values.size();
        if (n < 2) {
            return Double.NaN;
        }
        double variance =
                values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double t = new org.apache.commons.math3.distribution.TDistribution(n - 1).inverseCumulativeProbability(0.9995);
        return t * Math.sqrt(variance / n);
    }

    private void readStartup(List<Map<String, String>> rows) {
        for (String server : STARTERS.keySet()) {
            List<Double> ms = rows.stream()
                    .filter(r -> r.get("server").equals(server))
                    .map(r -> Double.parseDouble(r.get("ms")))
                    .toList();
            if (!ms.isEmpty()) {
                startup.put(server, Stats.of(ms));
            }
        }
    }

    /** The JVM settings the extension ran under (ExtensionStartup's labels), in display order. */
    static final Map<String, String> EXTENSION_SETTINGS = names(
            "defaults", "the JVM's defaults",
            "c1", "-XX:TieredStopAtLevel=1");

    /** The extension's figures of one setting and measure (fork-to-first-class-end, first-class, later-class), in ms. */
    Stats extensionOf(String label, String measure) {
        return Stats.of(extension.stream()
                .filter(r -> r.get("label").equals(label) && r.get("measure").equals(measure))
                .map(r -> Double.parseDouble(r.get("ms")))
                .toList());
    }

    Optional<Stats> startupOf(String server) {
        return Optional.ofNullable(startup.get(server));
    }

    /** The emulator launch the user guide documents: the AppCDS script when it was measured. */
    Optional<Map.Entry<String, Stats>> emulatorStartup() {
        return startup.entrySet().stream()
                .filter(e -> e.getKey().startsWith("emulator"))
                .findFirst();
    }

    private static Map<String, String> names(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
