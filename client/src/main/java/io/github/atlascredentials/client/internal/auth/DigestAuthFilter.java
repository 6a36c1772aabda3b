package io.github.atlascredentials.client.internal.auth;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.internal.RequestProperties;
import io.github.atlascredentials.client.internal.RequestReplayer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP Digest (RFC 7616, MD5, qop=auth) that keeps one nonce per host, not per path: after the
 * first challenge every request is authorized up front, so a body is sent twice only on the
 * first contact with a host or when the service declares the nonce stale. Concurrent first
 * requests wait for the first challenge instead of each provoking their own.
 */
@Priority(Priorities.AUTHENTICATION)
public final class DigestAuthFilter implements ClientRequestFilter, ClientResponseFilter {
    private static final String SENT_CHALLENGE = "io.github.atlascredentials.digest.sent";

    private final ApiKeyCredential credential;
    private final Duration firstContactWait;
    private final ConcurrentMap<String, HostState> hosts = new ConcurrentHashMap<>();

    public DigestAuthFilter(ApiKeyCredential credential, Duration firstContactWait) {
        this.credential = credential;
        this.firstContactWait = firstContactWait;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (RequestProperties.isSet(request, RequestProperties.SKIP_AUTH)
                || request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        HostState host = hosts.computeIfAbsent(hostKey(request.getUri()), key -> new HostState());
        DigestChallenge challenge = host.challenge;
        if (challenge == null) {
            challenge = host.awaitFirstChallenge(firstContactWait);
        }
        if (challenge != null) {
            request.getHeaders()
                    .putSingle(
                            HttpHeaders.AUTHORIZATION,
                            challenge.authorize(credential, request.getMethod(), requestTarget(request.getUri())));
            request.setProperty(SENT_CHALLENGE, challenge);
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (RequestProperties.isSet(request, RequestProperties.SKIP_AUTH)) {
            return;
        }
        HostState host = hosts.computeIfAbsent(hostKey(request.getUri()), key -> new HostState());
        DigestChallenge fresh = response.getStatus() == 401 ? digestChallenge(response) : null;
        if (fresh != null) {
            host.challenge = fresh;
        }
        host.releaseWaiters();
        if (fresh == null || RequestProperties.isSet(request, RequestProperties.REPLAYED)) {
            return;
        }
        boolean sentCredentials = request.getProperty(SENT_CHALLENGE) != null;
        if (sentCredentials && !fresh.stale()) {
            return; // the credentials themselves were refused: let the caller see the 401
        }
        RequestReplayer.replay(request, response);
    }

    private static DigestChallenge digestChallenge(ClientResponseContext response) {
        List<String> values = response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE);
        if (values == null) {
            return null;
        }
        for (String value : values) {
            DigestChallenge challenge = DigestChallenge.parse(value);
            if (challenge != null) {
                return challenge;
            }
        }
        return null;
    }

    private static String hostKey(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private static String requestTarget(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    @Override
    public String toString() {
        return "DigestAuthFilter[" + credential + "]";
    }

    /** The current challenge of one host and the latch that makes first requests wait for it. */
    private static final class HostState {
        volatile DigestChallenge challenge;
        private final AtomicReference<CountDownLatch> firstContact = new AtomicReference<>();

        /** Null at once for the first caller (it goes ahead unauthorized); others wait for its challenge. */
        DigestChallenge awaitFirstChallenge(Duration wait) {
            CountDownLatch mine = new CountDownLatch(1);
            if (firstContact.compareAndSet(null, mine)) {
                return challenge;
            }
            CountDownLatch theirs = firstContact.get();
            if (theirs == null) {
                return challenge;
            }
            try {
                if (!theirs.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    firstContact.compareAndSet(theirs, null); // the first request never came back: stop waiting for it
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return challenge;
        }

        void releaseWaiters() {
            CountDownLatch latch = firstContact.get();
            if (latch != null && latch.getCount() > 0) {
                latch.countDown();
            }
        }
    }
}
