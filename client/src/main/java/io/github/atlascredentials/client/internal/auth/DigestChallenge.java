package io.github.atlascredentials.client.internal.auth;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Digest challenge (nonce) and its atomic nonce count, shared by every request to a host. */
final class DigestChallenge {
    private static final Pattern PARAM =
            Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realm;
    private final String nonce;
    private final String opaque;
    private final boolean qopAuth;
    private final boolean stale;
    private final AtomicLong nonceCount = new AtomicLong();

    private DigestChallenge(Map<String, String> params) {
        this.realm = params.getOrDefault("realm", "");
        this.nonce = params.get("nonce");
        this.opaque = params.get("opaque");
        String qop = params.get("qop");
        this.qopAuth =
                qop != null && Arrays.stream(qop.split(",")).map(String::trim).anyMatch("auth"::equalsIgnoreCase);
        this.stale = "true".equalsIgnoreCase(params.get("stale"));
    }

    /** Parses a {@code WWW-Authenticate} value; null unless it is an MD5 Digest challenge with a nonce. */
    static DigestChallenge parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(header.substring(7));
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            params.put(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        String algorithm = params.getOrDefault("algorithm", "MD5");
        if (params.get("nonce") == null || !"MD5".equalsIgnoreCase(algorithm)) {
            return null;
        }
        return new DigestChallenge(params);
    }

    boolean stale() {
        return stale;
    }

    /** The {@code Authorization} value for one request; each call uses the next nonce count. */
    String authorize(ApiKeyCredential credential, String method, String requestTarget) {
        String ha1 = md5(credential.publicKey() + ":" + realm + ":" + credential.privateKey());
        String ha2 = md5(method + ":" + requestTarget);
        StringBuilder header = new StringBuilder("Digest username=\"")
                .append(credential.publicKey())
                .append("\", realm=\"")
                .append(realm)
                .append("\", nonce=\"")
                .append(nonce)
                .append("\", uri=\"")
                .append(requestTarget)
                .append("\", algorithm=MD5");
        String response;
        if (qopAuth) {
            String nc = String.format(Locale.ROOT, "%08x", nonceCount.incrementAndGet());
            byte[] bytes = new byte[8];
            RANDOM.nextBytes(bytes);
            String cnonce = HexFormat.of().formatHex(bytes);
            response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
            header.append(", qop=auth, nc=")
                    .append(nc)
                    .append(", cnonce=\"")
                    .append(cnonce)
                    .append('"');
        } else {
            response = md5(ha1 + ":" + nonce + ":" + ha2);
        }
        header.append(", response=\"").append(response).append('"');
        if (opaque != null) {
            header.append(", opaque=\"").append(opaque).append('"');
        }
        return header.toString();
    }

    static String md5(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "DigestChallenge[realm=" + realm + ", stale=" + stale + "]";
    }
}
