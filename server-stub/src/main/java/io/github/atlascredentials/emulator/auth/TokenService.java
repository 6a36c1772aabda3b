package io.github.atlascredentials.emulator.auth;

import io.github.atlascredentials.emulator.EmulatorClock;
import io.github.atlascredentials.emulator.SpecFacts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues, checks and revokes access tokens. Tokens are JWT-shaped random strings; only their SHA-256
 * is kept. Tokens live in memory: a restart invalidates them, as clients simply fetch new ones.
 */
public final class TokenService {
    public static final Duration LIFETIME = SpecFacts.ACCESS_TOKEN_LIFETIME;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER =
            B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final EmulatorClock clock;
    private final int maxActivePerAccount;
    private final Map<String, TokenRecord> byHash = new ConcurrentHashMap<>();
    private final Map<String, Deque<TokenRecord>> byAccount = new ConcurrentHashMap<>();

    private static final class TokenRecord {
        final String hash;
        final String clientId;
        final String secretId;
        final Instant expiresAt;
        volatile boolean revoked;

        TokenRecord(String hash, String clientId, String secretId, Instant expiresAt) {
            this.hash = hash;
            this.clientId = clientId;
            this.secretId = secretId;
            this.expiresAt = expiresAt;
        }

        boolean activeAt(Instant now) {
            return !revoked && now.isBefore(expiresAt);
        }
    }

    /** A token just issued: the only moment its plain value exists here. */
    public record IssuedToken(String accessToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedToken[accessToken=****, expiresIn=" + expiresInSeconds + "]";
        }
    }

    public TokenService(EmulatorClock clock, int maxActivePerAccount) {
        this.clock = clock;
        this.maxActivePerAccount = maxActivePerAccount;
    }

    public int maxActivePerAccount() {
        return maxActivePerAccount;
    }

    /** Who holds an active token: the service account, and the secret that obtained the token. */
    public record TokenOwner(String clientId, String secretId) {}

    /**
     * Issues a token obtained with the secret {@code secretId}, or returns empty if the account already has the
     * maximum of active tokens.
     */
    public Optional<IssuedToken> issue(String clientId, String secretId) {
        Deque<TokenRecord> tokens = byAccount.computeIfAbsent(clientId, k -> new ArrayDeque<>());
        synchronized (tokens) {
            Instant now = clock.now();
            tokens.removeIf(t -> {
                boolean inactive = !t.activeAt(now);
                if (inactive) {
                    byHash.remove(t.hash);
                }
                return inactive;
            });
            // One return for both outcomes: a separate "return Optional.empty()" inside the lock gives PIT a
            // mutant no test can kill (the same empty value, which PIT's filter misses behind the monitor exit).
            return tokens.size() < maxActivePerAccount
                    ? Optional.of(newToken(tokens, clientId, secretId, now))
                    : Optional.empty();
        }
    }

    private IssuedToken newToken(Deque<TokenRecord> tokens, String clientId, String secretId, Instant now) {
        long iat = now.getEpochSecond();
        long exp = iat + LIFETIME.getSeconds();
        String payload = "{\"sub\":\"" + clientId + "\",\"iat\":" + iat + ",\"exp\":" + exp + ",\"jti\":\""
                + Crypto.randomHex(12) + "\",\"iss\":\"atlas-emulator\"}";
        String token = HEADER + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(Crypto.randomBytes(32));
        TokenRecord record = new TokenRecord(hash(token), clientId, secretId, Instant.ofEpochSecond(exp));
        tokens.add(record);
        byHash.put(record.hash, record);
        return new IssuedToken(token, LIFETIME.getSeconds());
    }

    /**
     * Accepts a token value chosen by the caller (a Pact fixture, see {@code emulator.pact}) as if it had been
     * issued now to {@code clientId} with {@code secretId}: it lives {@link #LIFETIME} and counts as active.
     */
    public void acceptFixture(String token, String clientId, String secretId) {
        Deque<TokenRecord> tokens = byAccount.computeIfAbsent(clientId, k -> new ArrayDeque<>());
        synchronized (tokens) {
            TokenRecord record =
                    new TokenRecord(hash(token), clientId, secretId, clock.now().plus(LIFETIME));
            tokens.add(record);
            byHash.put(record.hash, record);
        }
    }

    /** Who a token was issued to, if the token is known, unexpired and not revoked. */
    public Optional<TokenOwner> authenticate(String token) {
        TokenRecord record = byHash.get(hash(token));
        if (record == null || !record.activeAt(clock.now())) {
            return Optional.empty();
        }
        return Optional.of(new TokenOwner(record.clientId, record.secretId));
    }

    /**
     * Revokes every token obtained with a secret (the secret was deleted): they fail at once and no longer count
     * against the account's active tokens.
     */
    public void revokeIssuedWith(String clientId, String secretId) {
        Deque<TokenRecord> tokens = byAccount.get(clientId);
        if (tokens == null) {
            return;
        }
        synchronized (tokens) {
            for (TokenRecord t : tokens) {
                if (t.secretId.equals(secretId)) {
                    // Inactive from now on: the next issue() drops it before counting, as for revoke().
                    t.revoked = true;
                    byHash.remove(t.hash);
                }
            }
        }
    }

    /** Revokes a token issued to {@code clientId}; anything else is silently ignored (RFC 7009). */
    /** What a revocation did. */
    public enum Revocation {
        REVOKED,
        NOTHING_TO_REVOKE,
        ISSUED_TO_ANOTHER_CLIENT
    }

    public Revocation revoke(String token, String clientId) {
        TokenRecord record = byHash.get(hash(token));
        if (record == null || !record.activeAt(clock.now())) {
            return Revocation.NOTHING_TO_REVOKE;
        }
        if (!record.clientId.equals(clientId)) {
            return Revocation.ISSUED_TO_ANOTHER_CLIENT;
        }
        record.revoked = true;
        byHash.remove(record.hash);
        return Revocation.REVOKED;
    }

    public void clear() {
        byHash.clear();
        byAccount.clear();
    }

    private static String hash(String token) {
        // A lookup key: the token has 256 random bits, so its hash reveals nothing worth timing.
        return Crypto.hex(Crypto.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }
}
