package io.github.atlascredentials.reliability.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends bytes no well-behaved client would (invalid escapes and UTF-8 in the request line, broken
 * lengths), one connection per request, and reads the answer until the server closes.
 */
public final class RawHttp {
    private static final AtomicLong SENT = new AtomicLong();
    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static long sent() {
        return SENT.get();
    }

    /** The answer, or null if the server closed the connection without one. A hang is an AssertionError. */
    public Answer exchange(byte[] request) {
        SENT.incrementAndGet();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                // The server may answer and close before reading everything (e.g. 413): read what it said.
            }
            byte[] all = readAll(socket.getInputStream());
            Answer answer = parse(all);
            if (answer != null) {
                Http.registerCredentials(answer);
            }
            return answer;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 10 s (the server hangs)", e);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        try {
            while ((n = in.read(chunk)) != -1) {
                buffer.write(chunk, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // reset after the answer: keep what arrived
        }
        return buffer.toByteArray();
    }

    /** Parses the first HTTP answer in {@code bytes} (Content-Length or chunked). */
    static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || headEnd < 0) {
            return null;
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        int start = headEnd + 4;
        byte[] body;
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (length != null) {
            int len = Math.min(Integer.parseInt(length.get(0)), bytes.length - start);
            body = java.util.Arrays.copyOfRange(bytes, start, start + len);
        } else if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = dechunk(bytes, start);
        } else {
            body = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] bytes, int position) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = position;
        while (p < bytes.length) {
            int lineEnd = indexOf(bytes, p);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(bytes, p, lineEnd - p, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            int from = lineEnd + 2;
            out.write(bytes, from, Math.min(size, bytes.length - from));
            p = from + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
