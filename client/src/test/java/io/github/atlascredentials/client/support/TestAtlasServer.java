package io.github.atlascredentials.client.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process HTTP server on 127.0.0.1 that records every request and speaks enough of the
 * service to test the client for real: OAuth client credentials (token, revoke, bearer checks),
 * HTTP Digest (challenges, stale nonces, nonce-count replay refusal), the four create operations,
 * {@code envelope=true}, and scripted answers.
 */
public final class TestAtlasServer implements AutoCloseable {
    public static final String ATLAS_TYPE = "application/vnd.atlas.2024-08-05+json";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern DIGEST_PARAM = Pattern.compile("([a-z]+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    /** How API requests must authenticate. */
    public enum Auth {
        NONE,
        BEARER,
        DIGEST
    }

    /** A scripted answer for the next API request (after authentication). */
    public record Scripted(
            int status, String contentType, String body, Map<String, String> headers, boolean dropConnection) {
        public static Scripted json(int status, String body, Map<String, String> headers) {
            return new Scripted(status, "application/json", body, headers, false);
        }

        public static Scripted drop() {
            return new Scripted(0, null, null, Map.of(), true);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final Queue<Scripted> scriptedToken = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> serviceAccounts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> activeTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> apiKeys = new ConcurrentHashMap<>();
    private final Map<String, NonceState> nonces = new ConcurrentHashMap<>();
    private final AtomicInteger challenges = new AtomicInteger();
    private final AtomicInteger staleChallenges = new AtomicInteger();
    private final AtomicInteger ncReplays = new AtomicInteger();
    private volatile Auth auth = Auth.NONE;
    private volatile int tokenLifetimeSeconds = 3600;
    private volatile boolean refuseRevocations;
    private volatile long unauthorizedDelayMillis;

    private static final class NonceState {
        final Set<String> seenCounts = ConcurrentHashMap.newKeySet();
        volatile boolean expired;
    }

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs
        // (about 40 ms per exchange), which would swamp any client-side measurement.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public TestAtlasServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public TestAtlasServer auth(Auth value) {
        this.auth = value;
        return this;
    }

    public TestAtlasServer serviceAccount(String clientId, String secret) {
        serviceAccounts
                .computeIfAbsent(clientId, k -> ConcurrentHashMap.newKeySet())
                .add(secret);
        return this;
    }

    public TestAtlasServer apiKey(String publicKey, String privateKey) {
        apiKeys.put(publicKey, privateKey);
        return this;
    }

    public TestAtlasServer tokenLifetimeSeconds(int seconds) {
        this.tokenLifetimeSeconds = seconds;
        return this;
    }

    /** Holds every 401 of an API request this long: the refused calls then hold their connections together. */
    public TestAtlasServer delayUnauthorizedAnswers(java.time.Duration delay) {
        this.unauthorizedDelayMillis = delay.toMillis();
        return this;
    }

    /** When true, every revocation is refused with 401 {@code invalid_client}, as an outage of revoke would. */
    public TestAtlasServer refuseRevocations(boolean value) {
        this.refuseRevocations = value;
        return this;
    }

    public void enqueue(Scripted answer) {
        scripted.add(answer);
    }

    public void enqueueTokenAnswer(Scripted answer) {
        scriptedToken.add(answer);
    }

    /** Forgets every issued token, as if they had expired server-side. */
    public void invalidateAllTokens() {
        activeTokens.clear();
    }

    /** Marks every issued nonce as expired: the next use is answered with {@code stale=true}. */
    public void expireNonces() {
        nonces.values().forEach(n -> n.expired = true);
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public long count(java.util.function.Predicate<RecordedRequest> filter) {
        return requests.stream().filter(filter).count();
    }

    public int challengesIssued() {
        return challenges.get();
    }

    public int staleChallengesIssued() {
        return staleChallenges.get();
    }

    public int nonceCountReplays() {
        return ncReplays.get();
    }

    public Set<String> revokedTokens() {
        return Set.copyOf(revokedTokens);
    }

    public void reset() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), path, query, headers, body);
            requests.add(request);
            if (request.isTokenRequest()) {
                token(exchange, request);
            } else if (request.isRevokeRequest()) {
                revoke(exchange, request);
            } else {
                api(exchange, request);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private String basicClient(RecordedRequest request) {
        String header = request.header("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String clientId = decoded.substring(0, colon);
        Set<String> secrets = serviceAccounts.get(clientId);
        return secrets != null && secrets.contains(decoded.substring(colon + 1)) ? clientId : null;
    }

    private void token(HttpExchange exchange, RecordedRequest request) throws IOException {
        Scripted answer = scriptedToken.poll();
        if (answer != null) {
            send(exchange, answer);
            return;
        }
        if (basicClient(request) == null) {
            send(
                    exchange,
                    401,
                    "application/json",
                    "{\"error\":\"invalid_client\",\"error_description\":\"Invalid credentials provided.\"}",
                    Map.of());
            return;
        }
        if (!"grant_type=client_credentials".equals(request.body())) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}", Map.of());
            return;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = "eyJ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        activeTokens.put(token, true);
        send(
                exchange,
                200,
                "application/json",
                "{\"access_token\":\"" + token + "\",\"expires_in\":" + tokenLifetimeSeconds
                        + ",\"token_type\":\"Bearer\"}",
                Map.of("Cache-Control", "no-store"));
    }

    private void revoke(HttpExchange exchange, RecordedRequest request) throws IOException {
        if (refuseRevocations || basicClient(request) == null) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}", Map.of());
            return;
        }
        for (String pair : request.body().split("&")) {
            if (pair.startsWith("token=")) {
                String token = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                revokedTokens.add(token);
                activeTokens.remove(token);
            }
        }
        exchange.sendResponseHeaders(200, -1);
    }

    private void api(HttpExchange exchange, RecordedRequest request) throws IOException {
        if (!authorized(exchange, request)) {
            return;
        }
        Scripted answer = scripted.poll();
        if (answer != null) {
            send(exchange, answer);
            return;
        }
        boolean atlas = request.path().startsWith("/api/atlas/");
        String contentType = atlas ? ATLAS_TYPE : "application/json";
        int status;
        String body;
        if (request.path().endsWith("/apiKeys")) {
            status = 200;
            String orgId = request.path().split("/")[5];
            body = "{\"id\":\"" + hex(24) + "\",\"desc\":\"d\",\"publicKey\":\"abcdefgh\",\"privateKey\":\""
                    + java.util.UUID.randomUUID() + "\",\"roles\":[{\"orgId\":\"" + orgId
                    + "\",\"roleName\":\"ORG_MEMBER\"}],"
                    + "\"links\":[{\"href\":\"" + baseUrl() + "/api/public/v1.0/orgs/" + orgId
                    + "/apiKeys/x\",\"rel\":\"self\"}]}";
        } else {
            status = 201;
            String clientId = request.path().split("/")[7];
            String secret = "mdb_sa_sk_" + randomSecretTail();
            serviceAccount(clientId, secret);
            body = "{\"id\":\"" + hex(24)
                    + "\",\"createdAt\":\"2024-08-08T22:19:45Z\",\"expiresAt\":\"2025-01-05T22:19:45Z\","
                    + "\"lastUsedAt\":null,\"maskedSecretValue\":\"mdb_sa_sk_…" + secret.substring(secret.length() - 4)
                    + "\",\"secret\":\"" + secret + "\"}";
        }
        if (request.query() != null && request.query().contains("envelope=true")) {
            body = "{\"status\":" + status + ",\"content\":" + body + "}";
            status = 200;
        }
        send(exchange, status, contentType, body, Map.of());
    }

    private boolean authorized(HttpExchange exchange, RecordedRequest request) throws IOException {
        String header = request.header("Authorization");
        switch (auth) {
            case NONE:
                return true;
            case BEARER:
                if (header != null && header.startsWith("Bearer ") && activeTokens.containsKey(header.substring(7))) {
                    return true;
                }
                sendError(exchange, request, 401, "USER_UNAUTHORIZED", Map.of());
                return false;
            default:
                return digestAuthorized(exchange, request, header);
        }
    }

    private boolean digestAuthorized(HttpExchange exchange, RecordedRequest request, String header) throws IOException {
        boolean stale = false;
        if (header != null && header.startsWith("Digest ")) {
            Map<String, String> p = new HashMap<>();
            Matcher m = DIGEST_PARAM.matcher(header.substring(7));
            while (m.find()) {
                p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            }
            String password = apiKeys.get(p.get("username"));
            NonceState nonce = nonces.get(String.valueOf(p.get("nonce")));
            String target = request.path() + (request.query() == null ? "" : "?" + request.query());
            if (password != null && nonce != null && target.equals(p.get("uri")) && "auth".equals(p.get("qop"))) {
                String ha1 = md5(p.get("username") + ":MMS Public API:" + password);
                String ha2 = md5(request.method() + ":" + target);
                String expected =
                        md5(ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
                if (expected.equals(p.get("response"))) {
                    if (nonce.expired) {
                        stale = true;
                    } else if (nonce.seenCounts.add(p.get("nc"))) {
                        return true;
                    } else {
                        ncReplays.incrementAndGet();
                    }
                }
            }
        }
        String nonce = hex(32);
        nonces.put(nonce, new NonceState());
        (stale ? staleChallenges : challenges).incrementAndGet();
        sendError(
                exchange,
                request,
                401,
                "USER_UNAUTHORIZED",
                Map.of(
                        "WWW-Authenticate",
                        "Digest realm=\"MMS Public API\", domain=\"\", nonce=\"" + nonce
                                + "\", algorithm=MD5, qop=\"auth\", stale=" + stale));
        return false;
    }

    private void sendError(
            HttpExchange exchange, RecordedRequest request, int status, String code, Map<String, String> headers)
            throws IOException {
        if (status == 401 && unauthorizedDelayMillis > 0) {
            try {
                Thread.sleep(unauthorizedDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String body = "{\"error\":" + status + ",\"errorCode\":\"" + code + "\",\"reason\":\"Unauthorized\","
                + "\"detail\":\"You are not authorized for this resource.\",\"parameters\":[]}";
        if (request.query() != null && request.query().contains("envelope=true")) {
            send(exchange, 200, "application/json", "{\"status\":" + status + ",\"content\":" + body + "}", headers);
        } else {
            send(exchange, status, "application/json", body, headers);
        }
    }

    private void send(HttpExchange exchange, Scripted answer) throws IOException {
        if (answer.dropConnection()) {
            throw new IOException("dropping the connection on purpose");
        }
        send(exchange, answer.status(), answer.contentType(), answer.body(), answer.headers());
    }

    private static void send(
            HttpExchange exchange, int status, String contentType, String body, Map<String, String> headers)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String hex(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    private static String randomSecretTail() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 40);
    }

    static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Handy for tests: all recorded requests matching a path prefix. */
    public List<RecordedRequest> requestsTo(String pathPrefix) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : requests) {
            if (r.path().startsWith(pathPrefix)) {
                out.add(r);
            }
        }
        return out;
    }
}
