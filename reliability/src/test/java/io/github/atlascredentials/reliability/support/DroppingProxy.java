package io.github.atlascredentials.reliability.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 in front of the emulator that can lose answers: a request it is told to drop is
 * forwarded (the emulator acts on it), then the connection to the client is closed without a byte of the answer —
 * the "applied, answer lost" case no emulator fault can produce. Keeps client connections alive otherwise, so a
 * transport that resends on a reused connection would show it. Bounded: one thread per client connection, up to 64.
 */
public final class DroppingProxy implements AutoCloseable {
    /** What a request looks like to a drop rule. */
    public record Request(String method, String path) {}

    private final URI upstream;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private final Queue<Predicate<Request>> dropOnce = new ConcurrentLinkedQueue<>();
    private final Queue<Hook> hooksOnce = new ConcurrentLinkedQueue<>();
    private volatile Predicate<Request> dropAlways = r -> false;
    private volatile double dropProbability;
    private volatile Predicate<Request> randomlyDropped = r -> false;
    private final Random random = new Random(23);
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    private record Hook(Predicate<Request> when, Runnable action) {}

    public DroppingProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.submit(this::accept);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The answer of the next request that matches is lost (the request is applied). */
    public void dropNextAnswer(String method, String pathContains) {
        dropOnce.add(r -> r.method().equals(method) && r.path().contains(pathContains));
    }

    /** Loses the answer of each matching request with the given probability (seeded, so runs repeat). */
    public void dropRandomly(Predicate<Request> which, double probability) {
        this.randomlyDropped = which;
        this.dropProbability = probability;
    }

    /** Runs {@code action} before the next matching request is forwarded (to let "another rotator" act then). */
    public void beforeNext(String method, String pathContains, Runnable action) {
        hooksOnce.add(new Hook(r -> r.method().equals(method) && r.path().contains(pathContains), action));
    }

    public int forwarded() {
        return forwarded.get();
    }

    public int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                Request request = new Request(requestLine[0], requestLine[1]);
                byte[] body = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")
                        ? readChunked(in)
                        : in.readNBytes(contentLength(head));
                runHooks(request);
                byte[] answer = forward(head, body);
                forwarded.incrementAndGet();
                if (shouldDrop(request)) {
                    dropped.incrementAndGet();
                    return; // applied upstream; the client gets no answer at all
                }
                out.write(answer);
                out.flush();
            }
        } catch (IOException | RuntimeException gone) {
            // the client went away, or the upstream did: the connection just ends
        }
    }

    private void runHooks(Request request) {
        for (Hook hook : hooksOnce) {
            if (hook.when().test(request) && hooksOnce.remove(hook)) {
                hook.action().run();
            }
        }
    }

    private boolean shouldDrop(Request request) {
        for (Predicate<Request> rule : dropOnce) {
            if (rule.test(request) && dropOnce.remove(rule)) {
                return true;
            }
        }
        if (dropAlways.test(request)) {
            return true;
        }
        if (randomlyDropped.test(request)) {
            synchronized (random) {
                return random.nextDouble() < dropProbability;
            }
        }
        return false;
    }

    /** One upstream connection per request, read to its end; the answer goes back without "Connection: close". */
    private byte[] forward(String head, byte[] body) throws IOException {
        StringBuilder rewritten = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(upstream.getHost(), upstream.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            return withoutConnectionClose(answer);
        }
    }

    private static byte[] withoutConnectionClose(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return answer;
        }
        StringBuilder head = new StringBuilder();
        for (String line : text.substring(0, end).split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                head.append(line).append("\r\n");
            }
        }
        return (head + text.substring(end + 2)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) != -1; ) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** A chunked body as it came (the chunks and the last, empty one), to forward unchanged. */
    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            raw.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                for (String trailer; !(trailer = readLine(in)).isEmpty(); ) {
                    raw.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                raw.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return raw.toByteArray();
            }
            raw.write(in.readNBytes(size + 2));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new IOException("connection closed inside a chunked body");
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
