package io.github.atlascredentials.emulator.pact;

import io.github.atlascredentials.emulator.DemoSeed;

/**
 * The fixture values a pact may carry and the emulator's provider states make valid: a consumer records
 * them, and a verifier replays them as recorded, with no proxy, request filter or custom header. They are
 * published test values, never secrets: they open nothing but an emulator whose test support is on, and
 * only after a provider state has seeded them. The ids and the access token are the spec's examples
 * (contract-tests checks that they stay so).
 */
public final class PactFixtures {
    /** The spec's {@code orgId} example: the organization of every state. */
    public static final String ORG_ID = DemoSeed.ORG_ID;
    /** The spec's {@code groupId} example: the organization's project. */
    public static final String GROUP_ID = DemoSeed.PROJECT_ID;
    /** The spec's {@code clientId} example: the service account the operations act on (the target). */
    public static final String TARGET_CLIENT_ID = DemoSeed.TARGET_CLIENT_ID;
    /** The spec's {@code secretId} example. */
    public static final String EXAMPLE_SECRET_ID = "66b544825867ba071c85469d";
    /** The spec's {@code apiUserId} example. */
    public static final String EXAMPLE_API_KEY_ID = "5d1113b25a115342acc2d1aa";
    /** The spec's {@code AccessToken} example: the bearer token of the caller in every state that has one. */
    public static final String ACCESS_TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJleGFtcGxlIn0.fake";

    /** The caller: a service account of the organization (an Organization Owner unless the state says otherwise). */
    public static final String CALLER_CLIENT_ID = "mdb_sa_id_00000000000000000000ad01";
    /** The other organization and its owner, for callers of another organization. */
    public static final String OTHER_ORG_ID = "0000000000000000000000b2";

    public static final String OTHER_CALLER_CLIENT_ID = "mdb_sa_id_00000000000000000000ad02";
    /** The target's client secret in the OAuth states (Basic {@code TARGET_CLIENT_ID:CLIENT_SECRET}); not of a live shape. */
    public static final String CLIENT_SECRET = "mdb_sa_sk_FAKE";
    /** The API key of the Digest caller: public key and private key (not of the live UUID shape). */
    public static final String API_KEY_PUBLIC_KEY = "pactfake";

    public static final String API_KEY_PRIVATE_KEY = "pact-fixture-private-key";
    /** The nonce of every Digest challenge while a state with the API-key caller is set. */
    public static final String DIGEST_NONCE = "pact-fixture-nonce-0001";

    private PactFixtures() {}
}
