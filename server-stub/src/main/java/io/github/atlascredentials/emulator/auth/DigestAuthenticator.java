package io.github.atlascredentials.emulator.auth;

import io.github.atlascredentials.emulator.EmulatorClock;
import io.github.atlascredentials.emulator.state.EmulatorState;
import io.github.atlascredentials.emulator.state.StoredApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * HTTP Digest (RFC 7616, MD5, qop=auth) for API keys. Nonces are issued here and expire; a correct
 * response with an expired or unknown nonce is answered {@code stale=true}; a nonce count seen before
 * for the same nonce is refused.
 */
public final class DigestAuthenticator {
    public static final String REALM = DigestHash.REALM;
    private static final Pattern NC = Pattern.compile("^[0-9a-fA-F]{8}$");
    private static final int MAX_NONCES = 200_000;

    private final EmulatorState state;
    private final EmulatorClock clock;
    private final Duration nonceLifetime;
    private final Map<String, NonceState> nonces = new ConcurrentHashMap<>();
    /** Set by a Pact provider state: challenged with, and accepted with any nonce count again and again. */
    private volatile String fixedNonce;

    private static final class NonceState {
        final Instant issuedAt;
        final Set<String> usedCounts = ConcurrentHashMap.newKeySet();

        NonceState(Instant issuedAt) {
            this.issuedAt = issuedAt;
        }
    }

    /** The result of checking an Authorization: Digest header. */
    public sealed interface Outcome permits Authenticated, Refused {}

    public record Authenticated(StoredApiKey key) implements Outcome {}

    /** Refused; {@code stale} when only the nonce was too old. */
    public record Refused(boolean stale) implements Outcome {}

    public DigestAuthenticator(EmulatorState state, EmulatorClock clock, Duration nonceLifetime) {
        this.state = state;
        this.clock = clock;
        this.nonceLifetime = nonceLifetime;
    }

    /** A new challenge with a fresh nonce. */
    public String challenge(boolean stale) {
        Instant now = clock.now();
        if (nonces.size() > MAX_NONCES) {
            nonces.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        String fixed = fixedNonce;
        if (fixed != null) {
            return challengeWith(fixed, stale);
        }
        String nonce = Crypto.randomHex(16);
        nonces.put(nonce, new NonceState(now));
        return challengeWith(nonce, stale);
    }

    /**
     * From now until {@link #clear()}, challenges carry {@code nonce}, and an answer computed with it is accepted
     * whatever its nonce count and however often it is sent: a recorded answer (a pact's) replays. Test support only.
     */
    public void fixNonce(String nonce) {
        this.fixedNonce = nonce;
    }

    private static String challengeWith(String nonce, boolean stale) {
        return "Digest realm=\"" + REALM + "\", domain=\"\", nonce=\"" + nonce
                + "\", algorithm=MD5, qop=\"auth\", stale=" + stale;
    }

    /**
     * Checks the credentials of {@code authorization} (the header value after "Digest ") for a request
     * with this method and request target (path and query as sent).
     */
    public Outcome authenticate(String method, String requestTarget, String path, String authorization) {
        Map<String, String> p = parse(authorization);
        String username = p.get("username");
        String nonce = p.get("nonce");
        String uri = p.get("uri");
        String response = p.get("response");
        String qop = p.get("qop");
        String nc = p.get("nc");
        String cnonce = p.get("cnonce");
        String algorithm = p.getOrDefault("algorithm", "MD5");
        if (username == null
                || nonce == null
                || uri == null
                || response == null
                || cnonce == null
                || nc == null
                || !NC.matcher(nc).matches()
                || !"auth".equals(qop)
                || !REALM.equals(p.get("realm"))
                || !"MD5".equalsIgnoreCase(algorithm)
                || !(uri.equals(requestTarget) || uri.equals(path))) {
            return new Refused(false);
        }
        Optional<StoredApiKey> key = state.apiKeyByPublicKey(username);
        // An unknown user still costs a full computation, so timing does not tell whether it exists.
        byte[] ha1 = key.map(StoredApiKey::ha1).orElseGet(() -> DigestHash.ha1(username, "unknown"));
        String ha2 = Crypto.md5Hex(method + ":" + uri);
        String expected =
                Crypto.md5Hex(Crypto.hex(ha1) + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        boolean matches = Crypto.constantTimeEquals(expected, response.toLowerCase(Locale.ROOT));
        if (!matches || key.isEmpty()) {
            return new Refused(false);
        }
        if (nonce.equals(fixedNonce)) {
            return new Authenticated(key.get());
        }
        NonceState nonceState = nonces.get(nonce);
        if (nonceState == null || expired(nonceState, clock.now())) {
            return new Refused(true);
        }
        if (!nonceState.usedCounts.add(nc.toLowerCase(Locale.ROOT))) {
            return new Refused(false);
        }
        return new Authenticated(key.get());
    }

    public void clear() {
        nonces.clear();
        fixedNonce = null;
    }

    /** How many nonces the table holds (bounded: expired ones are pruned past {@value #MAX_NONCES}). */
    int nonceCount() {
        return nonces.size();
    }

    private boolean expired(NonceState nonce, Instant now) {
        return !now.isBefore(nonce.issuedAt.plus(nonceLifetime));
    }

    /**
     * The auth-params of a Digest header ({@code name=token} or {@code name="quoted \"string\""}, comma
     * separated), names in lower case, first occurrence wins; parsing stops at the first malformed
     * parameter. A single left-to-right pass: linear in the header length whatever it holds.
     */
    static Map<String, String> parse(String header) {
        Map<String, String> params = new HashMap<>();
        int n = header.length();
        int i = 0;
        while (i < n) {
            i = skipSpace(header, i);
            int nameStart = i;
            while (i < n && isNameChar(header.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                break;
            }
            String name = header.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipSpace(header, i);
            if (i >= n || header.charAt(i) != '=') {
                break;
            }
            i = skipSpace(header, i + 1);
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i = quotedString(header, i + 1, value);
                if (i < 0) {
                    break;
                }
            } else {
                while (i < n && header.charAt(i) != ',' && !isSpace(header.charAt(i))) {
                    value.append(header.charAt(i++));
                }
            }
            i = skipSpace(header, i);
            if (i < n && header.charAt(i) != ',') {
                break;
            }
            params.putIfAbsent(name, value.toString());
            i++;
        }
        return params;
    }

    /** Reads a quoted string's content from just after the opening quote; the index after the closing quote, or -1. */
    private static int quotedString(String header, int from, StringBuilder value) {
        int i = from;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= header.length()) {
                    return -1;
                }
                c = header.charAt(++i);
            }
            value.append(c);
            i++;
        }
        return -1;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static int skipSpace(String header, int from) {
        int i = from;
        while (i < header.length() && isSpace(header.charAt(i))) {
            i++;
        }
        return i;
    }
}
