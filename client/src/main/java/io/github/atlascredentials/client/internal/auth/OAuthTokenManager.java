package io.github.atlascredentials.client.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atlascredentials.client.AtlasApiException;
import io.github.atlascredentials.client.AtlasClientException;
import io.github.atlascredentials.client.AtlasTransportException;
import io.github.atlascredentials.client.RetryPolicy;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.auth.TokenGrant;
import io.github.atlascredentials.client.internal.ErrorTranslator;
import io.github.atlascredentials.client.internal.Redactor;
import io.github.atlascredentials.client.internal.RequestProperties;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the access token of one service account: fetched on first use, reused until shortly
 * before it expires, renewed by exactly one caller while the others wait (single flight),
 * renewed once more when the service rejects it, revoked on {@link #revoke}. The token a renewal
 * replaces is revoked at once, so a client never holds more than {@link #MAX_TOKENS_PER_CLIENT}
 * active tokens of the account (the service allows 100 per account, shared by all its users).
 * Token requests go through their own small HTTP client, never through the pool that API calls
 * waiting for a token hold.
 */
public final class OAuthTokenManager {
    /** The token in use plus replaced ones whose revocation failed and is retried at each renewal. */
    public static final int MAX_TOKENS_PER_CLIENT = 3;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenManager.class);

    private final ServiceAccountCredential credential;
    private final URI tokenEndpoint;
    private final URI revokeEndpoint;
    private final Clock clock;
    private final Duration renewAhead;
    private final RetryPolicy retryPolicy;
    private final Redactor redactor;
    private final Client http;
    private final ReentrantLock renewal = new ReentrantLock();
    /** Replaced tokens not yet revoked; guarded by {@link #renewal}. */
    private final Deque<String> unrevoked = new ArrayDeque<>();

    private volatile CachedToken current;

    /**
     * @param http the client for the OAuth endpoints only (no auth filter); the caller closes it
     */
    public OAuthTokenManager(
            ServiceAccountCredential credential,
            URI baseUrl,
            Clock clock,
            Duration renewAhead,
            RetryPolicy retryPolicy,
            Redactor redactor,
            Client http) {
        this.credential = credential;
        this.http = http;
        this.tokenEndpoint = credential.tokenEndpoint().orElseGet(() -> resolve(baseUrl, "/api/oauth/token"));
        this.revokeEndpoint = tokenEndpoint.resolve("revoke");
        this.clock = clock;
        this.renewAhead = renewAhead;
        this.retryPolicy = retryPolicy;
        this.redactor = redactor;
        redactor.registerBasic(credential.clientId(), credential.secret());
    }

    private static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }

    /** A token valid for a while yet, fetching one if needed. */
    public String token() {
        CachedToken seen = current;
        if (seen != null && seen.freshAt(clock.instant())) {
            return seen.value;
        }
        return renew(seen);
    }

    /** Called after the service refused {@code rejected}: a new token, unless another caller already got one. */
    public String renewAfterRejection(String rejected) {
        CachedToken seen = current;
        if (seen != null && !seen.value.equals(rejected)) {
            return seen.value;
        }
        return renew(seen);
    }

    private String renew(CachedToken seen) {
        renewal.lock();
        try {
            CachedToken now = current;
            if (now != null && now != seen && now.freshAt(clock.instant())) {
                return now.value; // another caller renewed it while this one waited
            }
            revokeReplaced();
            if (unrevoked.size() + (now == null ? 0 : 1) >= MAX_TOKENS_PER_CLIENT) {
                throw new AtlasTransportException(
                        "not asking for another access token: " + unrevoked.size()
                                + " replaced tokens of this client could not be revoked yet (at most "
                                + MAX_TOKENS_PER_CLIENT
                                + " per client)",
                        null);
            }
            CachedToken fetched = fetch();
            current = fetched;
            if (now != null) {
                unrevoked.add(now.value);
                revokeReplaced();
            }
            return fetched.value;
        } finally {
            renewal.unlock();
        }
    }

    /** Revokes the tokens renewals replaced; those that fail stay listed (and masked) for the next try. */
    private void revokeReplaced() {
        for (int i = unrevoked.size(); i > 0; i--) {
            String token = unrevoked.poll();
            try {
                revoke(token);
                redactor.forget(token);
            } catch (AtlasClientException e) {
                unrevoked.add(token);
                LOG.warn("could not revoke a replaced access token: {}", redactor.redact(e.getMessage()));
            }
        }
    }

    private CachedToken fetch() {
        Form form = new Form().param("grant_type", "client_credentials");
        Instant requestedAt = clock.instant();
        JsonNode json;
        String body = post(tokenEndpoint, form, "token request");
        try {
            json = MAPPER.readTree(body);
        } catch (IOException e) {
            throw AtlasApiException.builder(200)
                    .detail("the token endpoint answered with a body that is not JSON")
                    .build();
        }
        String token = json.path("access_token").asText(null);
        long expiresIn = json.path("expires_in").asLong(0);
        if (token == null || token.isEmpty() || expiresIn <= 0) {
            throw AtlasApiException.builder(200)
                    .detail("the token endpoint answered without access_token or a positive expires_in")
                    .build();
        }
        redactor.register(token);
        Duration lifetime = Duration.ofSeconds(expiresIn);
        // The margin is at most half the lifetime (a min, not a conditional whose boundary no test can see).
        Duration ahead = Collections.min(List.of(renewAhead, lifetime.dividedBy(2)));
        return new CachedToken(token, requestedAt.plus(lifetime).minus(ahead));
    }

    /**
     * Revokes the held token and any replaced one still active; a failure is reported after all were
     * tried, the tokens are forgotten either way.
     */
    public void revokeAll() {
        renewal.lock();
        try {
            CachedToken held = current;
            current = null;
            if (held != null) {
                unrevoked.addFirst(held.value);
            }
            AtlasClientException failure = null;
            while (!unrevoked.isEmpty()) {
                String token = unrevoked.poll();
                try {
                    revoke(token);
                } catch (AtlasClientException e) {
                    failure = failure == null ? e : failure;
                } finally {
                    redactor.forget(token);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            renewal.unlock();
        }
    }

    /** Revokes any token of this credential (revoking an unknown or expired one is not an error). */
    public void revoke(String token) {
        post(
                revokeEndpoint,
                new Form().param("token", token).param("token_type_hint", "access_token"),
                "token revocation");
    }

    /** Obtains a fresh token for this credential without caching it (e.g. to prove a new secret works). */
    public TokenGrant requestNewToken() {
        CachedToken token = fetch();
        return new TokenGrant(token.value);
    }

    private String post(URI endpoint, Form form, String what) {
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (credential.clientId() + ":" + credential.secret()).getBytes(StandardCharsets.UTF_8));
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try (Response response = http.target(endpoint)
                    .request(MediaType.APPLICATION_JSON_TYPE)
                    .property(RequestProperties.SKIP_AUTH, Boolean.TRUE)
                    .header(HttpHeaders.AUTHORIZATION, basic)
                    .post(Entity.form(form))) {
                String body = response.hasEntity() ? response.readEntity(String.class) : "";
                if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
                    return body;
                }
                Optional<Duration> delay = retryPolicy.delayBeforeNextAttempt(
                        attempt, waited, response.getStatus(), response.getHeaderString("Retry-After"));
                if (delay.isEmpty()) {
                    throw ErrorTranslator.translate(response.getStatus(), body, headers(response), redactor);
                }
                sleep(delay.get());
                waited = waited.plus(delay.get());
            } catch (ProcessingException e) {
                throw new AtlasTransportException(
                        what + " to " + endpoint + " failed: " + redactor.redact(String.valueOf(e.getMessage())), null);
            }
        }
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> copy = new HashMap<>();
        response.getStringHeaders().forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtlasTransportException("interrupted while waiting to retry the token request", e);
        }
    }

    @Override
    public String toString() {
        return "OAuthTokenManager[" + credential + ", tokenEndpoint=" + tokenEndpoint + "]";
    }

    private record CachedToken(String value, Instant renewAt) {
        boolean freshAt(Instant now) {
            return now.isBefore(renewAt);
        }

        @Override
        public String toString() {
            return "CachedToken[value=" + Masking.MASK + ", renewAt=" + renewAt + "]";
        }
    }
}
