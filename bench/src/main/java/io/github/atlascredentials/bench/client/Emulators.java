package io.github.atlascredentials.bench.client;

import io.github.atlascredentials.bench.BenchSeed;
import io.github.atlascredentials.emulator.AtlasEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts the in-process emulator of the client benchmarks and fetches bearer tokens from it. */
final class Emulators {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private Emulators() {}

    /** Bench seed, limits raised so that neither the secret count nor a rate limit ever answers. */
    static AtlasEmulator start() {
        try {
            Path seed = Files.createTempFile("atlas-bench-seed", ".json");
            BenchSeed.write(seed);
            AtlasEmulator emulator = AtlasEmulator.builder()
                    .port(0)
                    .seed(seed)
                    .maxSecretsPerAccount(10_000_000)
                    .apiRateLimitPerMinute(1_000_000_000)
                    .tokenRateLimitPerMinute(100_000)
                    .start();
            Files.delete(seed);
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh access token of the bench caller (client credentials over HTTP Basic). */
    static String accessToken(URI baseUri) {
        String basic = Base64.getEncoder()
                .encodeToString(
                        (BenchSeed.OWNER_CLIENT_ID + ":" + BenchSeed.OWNER_SECRET).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = BareTransports.jdk()
                    .send(
                            HttpRequest.newBuilder(baseUri.resolve("/api/oauth/token"))
                                    .header("Authorization", "Basic " + basic)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Accept", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(answer.body());
            if (answer.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("token request answered " + answer.statusCode());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
