package io.github.atlascredentials.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small black-box HTTP client for the tests: JDK HttpClient with its defaults (HTTP/2, so h2c upgrade). */
final class TestHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"?([^\",]*)\"?");

    final URI base;

    TestHttp(URI base) {
        this.base = base;
    }

    record Answer(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String errorCode() {
            return json().path("errorCode").asText();
        }
    }

    Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    Answer post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    String token(String clientId, String secret) {
        Answer a = tokenRequest(clientId, secret, "grant_type=client_credentials");
        if (a.status() != 200) {
            throw new AssertionError("token: " + a.status() + " " + a.raw().body());
        }
        return a.json().get("access_token").asText();
    }

    Answer tokenRequest(String clientId, String secret, String form) {
        return post(
                "/api/oauth/token",
                form,
                "Authorization",
                basic(clientId, secret),
                "Content-Type",
                "application/x-www-form-urlencoded");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 7616 Digest with MD5 and qop=auth: one challenge, then the authenticated request. */
    final class Digest {
        final String user;
        final String password;
        String nonce;
        final AtomicInteger nc = new AtomicInteger();

        Digest(String user, String password) {
            this.user = user;
            this.password = password;
        }

        Answer post(String path, String body, String... headers) {
            return send("POST", path, body, headers);
        }

        Answer send(String method, String path, String body, String... headers) {
            if (nonce == null) {
                Answer challenge = TestHttp.this.send(method, path, body, headers);
                if (challenge.status() != 401) {
                    return challenge;
                }
                nonce = params(challenge.header("WWW-Authenticate")).get("nonce");
            }
            Answer a = TestHttp.this.send(
                    method,
                    path,
                    body,
                    with(headers, "Authorization", authorization(method, path, nc.incrementAndGet())));
            if (a.status() == 401
                    && a.header("WWW-Authenticate") != null
                    && "true".equals(params(a.header("WWW-Authenticate")).get("stale"))) {
                nonce = params(a.header("WWW-Authenticate")).get("nonce");
                nc.set(0);
                a = TestHttp.this.send(
                        method,
                        path,
                        body,
                        with(headers, "Authorization", authorization(method, path, nc.incrementAndGet())));
            }
            return a;
        }

        String authorization(String method, String uri, int count) {
            String ncValue = String.format("%08x", count);
            String cnonce = "0a4f113b";
            String ha1 = md5(user + ":MMS Public API:" + password);
            String ha2 = md5(method + ":" + uri);
            String response = md5(ha1 + ":" + nonce + ":" + ncValue + ":" + cnonce + ":auth:" + ha2);
            return "Digest username=\"" + user + "\", realm=\"MMS Public API\", nonce=\"" + nonce + "\", uri=\"" + uri
                    + "\", algorithm=MD5, qop=auth, nc=" + ncValue + ", cnonce=\"" + cnonce + "\", response=\""
                    + response + "\"";
        }
    }

    static Map<String, String> params(String header) {
        Map<String, String> map = new HashMap<>();
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            map.put(m.group(1), m.group(2));
        }
        return map;
    }

    static String[] with(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    static String md5(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
