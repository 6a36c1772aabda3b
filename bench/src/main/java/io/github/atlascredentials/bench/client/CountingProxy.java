package io.github.atlascredentials.bench.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A reverse proxy on 127.0.0.1 that forwards every request to the emulator and counts what
 * crosses the wire: token requests, API requests, and API requests answered 401 (Digest
 * challenges). Clients under test point at {@link #baseUri()}; they cannot tell it is there.
 */
final class CountingProxy implements AutoCloseable {
    /** Headers the JDK client sets itself (or refuses), and hop-by-hop headers. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "host",
            "connection",
            "content-length",
            "expect",
            "upgrade",
            "transfer-encoding",
            "keep-alive",
            "http2-settings");

    final LongAdder tokenRequests = new LongAdder();
    final LongAdder apiRequests = new LongAdder();
    final LongAdder apiChallenges = new LongAdder();
    private final URI upstream;
    private final HttpClient forwarder = BareTransports.jdk();
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16);

    CountingProxy(URI upstream) throws IOException {
        // Without it the JDK server's separate header and body writes meet delayed ACKs (40 ms a call).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(workers);
        server.createContext("/", this::forward);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void resetCounts() {
        tokenRequests.reset();
        apiRequests.reset();
        apiChallenges.reset();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            boolean token = path.startsWith("/api/oauth/");
            (token ? tokenRequests : apiRequests).increment();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            upstream.resolve(exchange.getRequestURI().toString()))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header :
                    exchange.getRequestHeaders().entrySet()) {
                if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            HttpResponse<byte[]> answer = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (!token && answer.statusCode() == 401) {
                apiChallenges.increment();
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
