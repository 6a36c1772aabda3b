package io.github.atlascredentials.reliability.fuzz;

import io.github.atlascredentials.reliability.support.Answer;
import io.github.atlascredentials.reliability.support.Http;
import io.github.atlascredentials.reliability.support.Masking;
import io.github.atlascredentials.reliability.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated request. Sent with the JDK client when it can express it, else as raw bytes (invalid
 * escapes, bytes the JDK refuses in headers), so every generated request reaches the server.
 */
public record FuzzRequest(String method, String target, List<String[]> headers, byte[] body) {

    public FuzzRequest {
        headers = List.copyOf(headers);
    }

    public Answer send(Http http, RawHttp raw) {
        String[] flat = new String[headers.size() * 2];
        for (int i = 0; i < headers.size(); i++) {
            flat[2 * i] = headers.get(i)[0];
            flat[2 * i + 1] = headers.get(i)[1];
        }
        try {
            return http.send(method, target, body, flat);
        } catch (IllegalArgumentException notExpressible) {
            Answer answer = raw.exchange(
                    toBytes(http.base().getHost() + ":" + http.base().getPort()));
            if (answer == null) {
                throw new AssertionError("the server closed the connection without an answer to " + this);
            }
            return answer;
        }
    }

    /** The request as HTTP/1.1 bytes, with Connection: close. */
    public byte[] toBytes(String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Only what would break the framing itself is escaped: the raw route exists for the other invalid bytes.
        String safeTarget = target.replace(" ", "%20").replace("\r", "%0D").replace("\n", "%0A");
        write(out, method + " " + safeTarget + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
        for (String[] h : headers) {
            write(out, h[0] + ": " + h[1] + "\r\n");
        }
        if (body != null) {
            write(out, "Content-Length: " + body.length + "\r\n");
        }
        write(out, "\r\n");
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        // Latin-1 keeps every char below 256 as one byte; the raw route exists to send such bytes.
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Roughly the size of the request line and headers as sent. */
    public int headBytes() {
        int size = method.length() + target.length() + 120;
        for (String[] h : headers) {
            size += h[0].length() + h[1].length() + 4;
        }
        return size;
    }

    public String headersText() {
        StringBuilder sb = new StringBuilder();
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append('\n');
        }
        return sb.toString();
    }

    public String describe() {
        List<String> shown = new ArrayList<>();
        for (String[] h : headers) {
            shown.add(h[0] + ": " + abbreviate(h[1]));
        }
        String bodyText = body == null
                ? "(none)"
                : body.length + " bytes: " + abbreviate(new String(body, StandardCharsets.UTF_8));
        return method + " " + abbreviate(target) + " " + shown + " body " + bodyText;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "...(" + s.length() + " chars)" : s;
    }

    @Override
    public String toString() {
        return Masking.maskAll(describe());
    }
}
