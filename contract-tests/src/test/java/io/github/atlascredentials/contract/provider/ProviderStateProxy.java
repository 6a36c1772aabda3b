package io.github.atlascredentials.contract.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.atlascredentials.contract.support.Contract.States;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a Pact verifier outside the JVM needs in front of the emulator, as Pact JVM's {@code @State}
 * methods and request filter give {@link EmulatorVerification}: {@code POST /_pact/provider-states}
 * takes the verifier's state-change call ({@code {"state": ..., "action": "setup"}}) and sets the state
 * through the emulator's {@code /_emulator/} endpoints ({@link EmulatorStates}); every other request is
 * passed to the emulator unchanged, except that the consumer's fake {@code Authorization} is replaced
 * by the real credential of the current state (no auth bypass in the emulator).
 */
final class ProviderStateProxy implements AutoCloseable {
    static final String STATE_CHANGE_PATH = "/_pact/provider-states";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers the JDK client sets itself, or that belong to one connection. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "http2-settings");

    private final URI emulator;
    private final EmulatorStates states;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // HTTP/2 upgrade requests hide POST bodies from Grizzly
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ProviderStateProxy(URI emulator) throws IOException {
        this.emulator = emulator;
        this.states = new EmulatorStates(emulator);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (STATE_CHANGE_PATH.equals(exchange.getRequestURI().getPath())) {
                changeState(exchange);
            } else {
                forward(exchange);
            }
        } catch (RuntimeException | InterruptedException e) {
            byte[] body = ("{\"error\":\"" + e.getClass().getSimpleName() + "\"}").getBytes();
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void changeState(HttpExchange exchange) throws IOException {
        JsonNode call = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (!"teardown".equals(call.path("action").asText())) {
            apply(call.path("state").asText());
        }
        byte[] body = "{}".getBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    /** The provider states of our pacts; the same calls as {@link EmulatorVerification}'s {@code @State} methods. */
    void apply(String state) {
        switch (state) {
            case States.TARGET_HAS_NO_SECRET -> states.targetWithSecrets(0);
            case States.TARGET_HAS_ONE_SECRET -> states.targetWithSecrets(1);
            case States.TARGET_HAS_TWO_SECRETS -> states.targetWithSecrets(2);
            case States.ORG_MAX_24_HOURS -> states.organizationMaximum(24);
            case States.CALLER_TOKEN_EXPIRED -> states.expiredCallerToken();
            case States.CALLER_IN_OTHER_ORG -> states.callerInOtherOrganization();
            case States.TARGET_MISSING -> states.targetMissing();
            case States.TARGET_NOT_IN_PROJECT -> states.targetNotInProject();
            case States.CALLER_API_KEY_OWNER ->
                    states.ownerApiKeyWithDigest("POST", "/api/public/v1.0/orgs/" + EmulatorStates.ORG_ID + "/apiKeys");
            case States.SECRET_VALID -> states.validSecret();
            case States.SECRET_WRONG -> states.wrongSecret();
            case States.SECRET_EXPIRED -> states.expiredSecret();
            case States.TOKENS_AT_MAXIMUM -> states.tokensAtMaximum();
            case States.TOKEN_RATE_LIMIT_REACHED -> states.tokenRateLimitReached();
            case States.TARGET_HAS_EXAMPLE_SECRET -> states.targetWithExampleSecret();
            case States.ORG_HAS_EXAMPLE_API_KEY -> states.exampleApiKey();
            case States.ORG_HAS_NO_API_KEY -> states.targetWithSecrets(0);
            case States.CALLER_ORG_MEMBER -> states.callerOrganizationMember();
            case States.SECRET_CREATION_IN_PROGRESS -> states.secretCreationInProgress();
            case States.ORG_RATE_LIMIT_REACHED -> states.orgRateLimitReached();
            case States.TOKEN_ENDPOINT_FAULT -> states.tokenEndpointFault();
            default -> throw new IllegalArgumentException("unknown provider state: " + state);
        }
    }

    private void forward(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] requestBody;
        try (InputStream in = exchange.getRequestBody()) {
            requestBody = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(emulator.resolve(exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
                .timeout(Duration.ofSeconds(10))
                .method(exchange.getRequestMethod(), requestBody.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(requestBody));
        String authorization = states.authorization();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(name) || (authorization != null && name.equals("authorization"))) {
                continue;
            }
            header.getValue().forEach(value -> request.header(header.getKey(), value));
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("content-length") && !lower.equals("transfer-encoding") && !lower.equals("connection")
                    && !lower.startsWith(":")) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
        });
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
