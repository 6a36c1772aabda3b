package io.github.atlascredentials.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's time goes, from a JFR recording taken while wrk ran one workload: CPU samples by
 * part of the request path, garbage-collection pauses, and bytes allocated per request. The parts are
 * found by the frames a sample's stack contains, innermost part first, so that each sample counts once.
 *
 * <p>Usage: {@code java -cp atlas-bench.jar ...ProfileSummary RECORDING.jfr REQUESTS OUT.tsv}
 * (REQUESTS: how many requests wrk completed during the recording). Writes {@code key value} rows.
 */
public final class ProfileSummary {
    /** Parts of the request path, most specific first: the first whose marker a stack contains takes the sample. */
    static final Map<String, List<String>> PARTS = parts();

    static final String OTHER = "other (JDK only: selector threads, timers)";

    private ProfileSummary() {}

    private static Map<String, List<String>> parts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put(
                "emulator: state and secret generation",
                List.of(
                        "io.github.atlascredentials.emulator.state.",
                        "io.github.atlascredentials.emulator.auth.Crypto"));
        // Resources and binding before the steps: where the pipeline itself calls the resource method (through
        // ResourceMethods), their samples have RequestPipeline on the stack too.
        parts.put("emulator: resources (answers)", List.of("io.github.atlascredentials.emulator.resources."));
        parts.put(
                "emulator: body and parameter binding",
                List.of(
                        "io.github.atlascredentials.emulator.http.ParsedBodyInterceptor",
                        "io.github.atlascredentials.emulator.http.ResourceMethods"));
        parts.put(
                "emulator: response finisher (headers, JSON writing)",
                List.of("io.github.atlascredentials.emulator.http.ResponseFinisher"));
        parts.put(
                "emulator: request steps (routing, auth, limits, checks)",
                List.of("io.github.atlascredentials.emulator.http.RequestPipeline"));
        // The handler calls the pipeline, so only what it does after it is left here: handing the answer to Grizzly.
        parts.put(
                "emulator: handler (the answer handed to Grizzly)",
                List.of("io.github.atlascredentials.emulator.http.ApiHttpHandler"));
        return parts;
    }

    /** Parts decided by the innermost frame of these packages, when none of {@link #PARTS} is on the stack. */
    static Map<String, String> layers() {
        Map<String, String> layers = new LinkedHashMap<>();
        layers.put("io.github.atlascredentials.emulator.", "emulator: other");
        layers.put("org.glassfish.jersey.", "Jersey (routing, injection, providers, writing)");
        layers.put("org.glassfish.grizzly.", "Grizzly (HTTP parsing, buffers, sockets)");
        return layers;
    }

    public static void main(String[] args) throws IOException {
        Path recording = Path.of(args[0]);
        long requests = Long.parseLong(args[1]);
        Map<String, Long> samples = new LinkedHashMap<>();
        PARTS.keySet().forEach(p -> samples.put(p, 0L));
        long truncated = 0;
        layers().values().forEach(p -> samples.put(p, 0L));
        samples.put(OTHER, 0L);
        long total = 0;
        long gcCount = 0;
        Duration gcPause = Duration.ZERO;
        Duration longestPause = Duration.ZERO;
        Map<Long, Long> allocatedByThread = new LinkedHashMap<>();
        Map<Long, Long> firstAllocatedByThread = new LinkedHashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    total++;
                    samples.merge(partOf(event.getStackTrace()), 1L, Long::sum);
                    if (event.getStackTrace() != null && event.getStackTrace().isTruncated()) {
                        truncated++;
                    }
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    Duration pause = event.getDuration("sumOfPauses");
                    gcPause = gcPause.plus(pause);
                    if (pause.compareTo(longestPause) > 0) {
                        longestPause = pause;
                    }
                }
                case "jdk.ThreadAllocationStatistics" -> {
                    RecordedThread thread = event.getThread("thread");
                    long id = thread == null ? -1 : thread.getJavaThreadId();
                    long allocated = event.getLong("allocated");
                    firstAllocatedByThread.putIfAbsent(id, allocated);
                    allocatedByThread.merge(id, allocated, Math::max);
                }
                default -> {}
            }
        }
        long allocated = 0;
        for (var e : allocatedByThread.entrySet()) {
            allocated += e.getValue() - firstAllocatedByThread.get(e.getKey());
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[2])), true, StandardCharsets.UTF_8)) {
            out.println("key\tvalue");
            out.println("samples\t" + total);
            out.println("truncated_stacks\t" + truncated);
            for (var e : samples.entrySet()) {
                out.println("part:" + e.getKey() + "\t" + e.getValue());
            }
            out.println("gc_count\t" + gcCount);
            out.println("gc_pause_ms\t" + gcPause.toMillis());
            out.println("gc_longest_pause_ms\t" + longestPause.toMillis());
            out.println("requests\t" + requests);
            out.println("allocated_bytes_per_request\t" + (requests == 0 ? 0 : allocated / requests));
        }
    }

    static String partOf(RecordedStackTrace stack) {
        if (stack == null) {
            return OTHER;
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (var part : PARTS.entrySet()) {
            for (RecordedFrame frame : frames) {
                if (startsWithAny(frame, part.getValue())) {
                    return part.getKey();
                }
            }
        }
        Map<String, String> layers = layers();
        for (RecordedFrame frame : frames) { // innermost first
            for (var layer : layers.entrySet()) {
                if (startsWithAny(frame, List.of(layer.getKey()))) {
                    return layer.getValue();
                }
            }
        }
        return OTHER;
    }

    private static boolean startsWithAny(RecordedFrame frame, List<String> markers) {
        String type = frame.getMethod().getType().getName();
        for (String marker : markers) {
            if (type.startsWith(marker)) {
                return true;
            }
        }
        return false;
    }
}
