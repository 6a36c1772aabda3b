package io.github.atlascredentials.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A black-box HTTP/1.1 client with keep-alive (JDK HttpClient; HTTP/2 would send {@code Upgrade: h2c}).
 * Every credential found in an answer goes to the {@link CredentialRegistry} before anyone sees it.
 */
public final class Http {
    public static final String ATLAS = "application/vnd.atlas.2024-08-05+json";
    public static final String FORM = "application/x-www-form-urlencoded";
    private static final AtomicLong SENT = new AtomicLong();
    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final Duration timeout;

    public Http(URI base) {
        this(base, Duration.ofSeconds(15));
    }

    public Http(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    public URI base() {
        return base;
    }

    /** Requests sent by every instance in this JVM. */
    public static long sent() {
        return SENT.get();
    }

    /** Sends a request; {@code headers} alternate name and value. A hang is an AssertionError. */
    public Answer send(String method, String pathAndQuery, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(timeout)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpRequest request = b.build();
        SENT.incrementAndGet();
        try {
            HttpResponse<byte[]> r = SHARED.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> lower = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            Answer answer = new Answer(r.statusCode(), lower, r.body());
            registerCredentials(answer);
            return answer;
        } catch (HttpTimeoutException e) {
            throw new AssertionError(
                    "no answer within " + timeout + " to " + method + " " + Masking.maskAll(pathAndQuery), e);
        } catch (IOException e) {
            throw new TransportFailure(method + " " + Masking.maskAll(pathAndQuery) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportFailure("interrupted", e);
        }
    }

    public Answer post(String path, String body, String... headers) {
        return send("POST", path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    /** POST /api/oauth/token with Basic credentials; the token (if any) is registered. */
    public Answer tokenRequest(String clientId, String secret) {
        return post(
                "/api/oauth/token",
                "grant_type=client_credentials",
                "Authorization",
                basic(clientId, secret),
                "Content-Type",
                FORM);
    }

    /** A fresh access token, or an AssertionError naming the status. */
    public String token(String clientId, String secret) {
        Answer a = tokenRequest(clientId, secret);
        if (a.status() != 200) {
            throw new AssertionError("token for " + clientId + ": " + a);
        }
        return a.json().get("access_token").asText();
    }

    public boolean healthy() {
        Answer a = get("/_emulator/health");
        return a.status() == 200 && "UP".equals(a.json().path("status").asText());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static void registerCredentials(Answer answer) {
        if (answer.body().length == 0 || answer.body().length > 1_000_000) {
            return;
        }
        JsonNode json = answer.jsonOrNull();
        if (json != null) {
            register(json);
        }
    }

    private static void register(JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isTextual()) {
                    switch (e.getKey()) {
                        case "secret" -> CredentialRegistry.record(CredentialRegistry.Kind.SECRET, v.asText());
                        case "privateKey" -> CredentialRegistry.record(CredentialRegistry.Kind.PRIVATE_KEY, v.asText());
                        case "access_token" -> {
                            String token = v.asText();
                            CredentialRegistry.record(CredentialRegistry.Kind.ACCESS_TOKEN, token);
                            String signature = token.substring(token.lastIndexOf('.') + 1);
                            if (signature.length() >= 40) {
                                CredentialRegistry.record(CredentialRegistry.Kind.ACCESS_TOKEN_SIGNATURE, signature);
                            }
                        }
                        default -> {}
                    }
                } else {
                    register(v);
                }
            });
        }
    }

    /** The connection failed (as it must when the server is killed); not a server answer. */
    public static final class TransportFailure extends RuntimeException {
        TransportFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
