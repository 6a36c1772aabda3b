package io.github.atlascredentials.emulator;

import io.github.atlascredentials.emulator.seed.SeedDocument;
import io.github.atlascredentials.emulator.state.SecretCreations;
import java.util.Map;

/**
 * What the test-support and provider-state endpoints may do to a running emulator. They depend on this
 * interface, not on {@link AtlasEmulator}, which registers them (no cycle between the two).
 */
public interface EmulatorControls {
    EmulatorClock clock();

    boolean isPersistent();

    /** Back to the seed: all created secrets, keys, tokens and nonces are forgotten (the clock is kept). */
    void reset();

    void replaceSeed(SeedDocument document);

    void loadSeed(SeedDocument more);

    SecretCreations secretCreations();

    SecretCreations.Hold holdSecretCreations(String clientId);

    void failNextRequest(String operationId, int status, Long retryAfterSeconds);

    void atlasRateLimit(int capacity, int refill, int refillSeconds);

    void acceptFixtureToken(String token, String clientId, String secretId);

    void fixDigestNonce(String nonce);

    void useUpTokenRequests(String clientId, String remoteAddress);

    void issueTokensUpToMaximum(String clientId, String secretId);

    void emptyAtlasBucket(String operationId, Map<String, String> pathParameters);
}
