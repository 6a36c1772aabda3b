package io.github.atlascredentials.contract.specchange;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The emulator jar of the changed spec, run as users run it ({@code java -jar}), on a free loopback port. */
final class MutatedEmulator implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://\\S+)");

    private final Process process;
    private final String baseUrl;

    private MutatedEmulator(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static MutatedEmulator start(Path jar) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--bind", "127.0.0.1")
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> url = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = out.readLine()) != null) {
                            if (!url.isDone()) {
                                output.append(line).append('\n');
                            }
                            Matcher m = LISTENING.matcher(line);
                            if (m.find()) {
                                url.complete(m.group(1));
                            }
                        }
                    } catch (Exception e) {
                        url.completeExceptionally(e);
                    }
                    url.completeExceptionally(
                            new IllegalStateException("the emulator stopped before listening:\n" + output));
                },
                "mutated-emulator-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new MutatedEmulator(process, url.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
