package io.github.atlascredentials.reliability.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 7616 Digest (MD5, qop=auth) for an API key, one nonce per session: a session is used by one
 * thread at a time, and its nonce count only ever grows. The parts are exposed so that tests can break them.
 */
public final class Digest {
    public static final String REALM = "MMS Public API";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private final Http http;
    private final String publicKey;
    private final String privateKey;
    private final AtomicInteger nc = new AtomicInteger();
    private volatile String nonce;
    private int challenges;

    public Digest(Http http, String publicKey, String privateKey) {
        this.http = http;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** Challenges answered so far (one per new or stale nonce). */
    public int challenges() {
        return challenges;
    }

    /** POSTs with Digest credentials: fetches a nonce first if needed and follows one stale=true. */
    public Answer post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    /** Any method with Digest credentials (null body: none), as {@link #post}. */
    public Answer send(String method, String path, String body, String... headers) {
        byte[] bytes = body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (nonce == null) {
            Answer challenge = http.send(method, path, bytes, headers);
            if (challenge.status() != 401) {
                return challenge;
            }
            adopt(challenge);
        }
        Answer a = http.send(
                method, path, bytes, with(headers, "Authorization", header(method, path, nc.incrementAndGet())));
        if (a.status() == 401
                && "true".equals(params(a.header("WWW-Authenticate")).get("stale"))) {
            adopt(a);
            a = http.send(
                    method, path, bytes, with(headers, "Authorization", header(method, path, nc.incrementAndGet())));
        }
        return a;
    }

    /** Takes the nonce of a 401 challenge and restarts the count. */
    public void adopt(Answer challenge) {
        nonce = params(challenge.header("WWW-Authenticate")).get("nonce");
        nc.set(0);
        challenges++;
    }

    public String nonce() {
        return nonce;
    }

    /** The Authorization header for this method and uri with nonce count {@code count}. */
    public String header(String method, String uri, int count) {
        return header(method, uri, count, REALM, uri, privateKey);
    }

    /** The header with every part chosen: {@code signedUri} enters the hash, {@code sentUri} the header. */
    public String header(String method, String signedUri, int count, String realm, String sentUri, String password) {
        String ncValue = String.format("%08x", count);
        String cnonce = "c0ffee" + Integer.toHexString(count);
        String ha1 = md5(publicKey + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + signedUri);
        String response = md5(ha1 + ":" + nonce + ":" + ncValue + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + publicKey + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\""
                + sentUri + "\", algorithm=MD5, qop=auth, nc=" + ncValue + ", cnonce=\"" + cnonce
                + "\", response=\"" + response + "\"";
    }

    public static Map<String, String> params(String header) {
        Map<String, String> map = new HashMap<>();
        if (header == null) {
            return map;
        }
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            map.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return map;
    }

    public static String[] with(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    public static String md5(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
