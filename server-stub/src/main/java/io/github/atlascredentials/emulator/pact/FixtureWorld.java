package io.github.atlascredentials.emulator.pact;

import io.github.atlascredentials.emulator.EmulatorControls;
import io.github.atlascredentials.emulator.SpecFacts;
import io.github.atlascredentials.emulator.auth.Crypto;
import io.github.atlascredentials.emulator.seed.SeedDocument;
import io.github.atlascredentials.emulator.state.SecretCreations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a provider state builds with: the organizations of {@link PactFixtures} as seed documents, and the
 * emulator's test-support operations (the fixture bearer token, the fixed Digest nonce, the clock, limits,
 * faults, held creations). One world per state change; {@link #replace} makes its organizations the
 * emulator's whole data, whatever it started with.
 */
public final class FixtureWorld {
    /** Seeded secrets that nobody presents live this long. */
    private static final Duration SECRET_VALIDITY = Duration.ofDays(30);
    /** The organizations' default maximum validity of a secret, in hours (a year). */
    static final int DEFAULT_MAX_HOURS = SpecFacts.MAX_SECRET_HOURS;

    private final EmulatorControls emulator;
    private final String remoteAddress;
    private final Instant now;
    private final Map<String, String> secretIds = new HashMap<>();

    FixtureWorld(EmulatorControls emulator, String remoteAddress) {
        this.emulator = emulator;
        this.remoteAddress = remoteAddress;
        this.now = emulator.clock().nowSeconds();
    }

    // --- seed pieces ------------------------------------------------------------------------------

    /** The organization {@link PactFixtures#ORG_ID} with its project {@link PactFixtures#GROUP_ID}. */
    SeedDocument.Organization organization(
            int maxHours, List<SeedDocument.ServiceAccount> accounts, List<SeedDocument.ApiKey> apiKeys) {
        return new SeedDocument.Organization(
                PactFixtures.ORG_ID,
                "Organization " + PactFixtures.ORG_ID,
                maxHours,
                List.of(new SeedDocument.Project(PactFixtures.GROUP_ID, "Project " + PactFixtures.GROUP_ID)),
                accounts,
                apiKeys);
    }

    /** Another organization (no project) with these accounts. */
    SeedDocument.Organization otherOrganization(String id, List<SeedDocument.ServiceAccount> accounts) {
        return new SeedDocument.Organization(
                id, "Organization " + id, DEFAULT_MAX_HOURS, List.of(), accounts, List.of());
    }

    /** A caller with these roles and one secret of its own (the fixture bearer token is issued with it). */
    SeedDocument.ServiceAccount caller(String clientId, Set<String> roles, Map<String, Set<String>> projectRoles) {
        String secretId = Crypto.objectId();
        secretIds.put(clientId, secretId);
        return new SeedDocument.ServiceAccount(
                clientId,
                "caller",
                roles,
                projectRoles,
                List.of(new SeedDocument.Secret(secretId, randomSecret(), now, now.plus(Duration.ofDays(365)))));
    }

    /** The default caller: {@link PactFixtures#CALLER_CLIENT_ID}, Organization Owner. */
    SeedDocument.ServiceAccount owner() {
        return caller(PactFixtures.CALLER_CLIENT_ID, Set.of("ORG_OWNER"), Map.of());
    }

    /** The target: Organization Member, and Project Owner of the project when {@code inProject}, with these secrets. */
    SeedDocument.ServiceAccount target(boolean inProject, List<SeedDocument.Secret> secrets) {
        return new SeedDocument.ServiceAccount(
                PactFixtures.TARGET_CLIENT_ID,
                "target",
                Set.of("ORG_MEMBER"),
                inProject ? Map.of(PactFixtures.GROUP_ID, Set.of("GROUP_OWNER")) : Map.of(),
                secrets);
    }

    /** {@code count} secrets no one presents, valid for 30 days. */
    List<SeedDocument.Secret> unknownSecrets(int count) {
        List<SeedDocument.Secret> secrets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            secrets.add(
                    new SeedDocument.Secret(randomSecret(), now.minus(Duration.ofDays(1)), now.plus(SECRET_VALIDITY)));
        }
        return secrets;
    }

    /** The fixture client secret {@link PactFixtures#CLIENT_SECRET}, valid or expired, with a known id. */
    SeedDocument.Secret fixtureSecret(boolean expired) {
        String id = Crypto.objectId();
        secretIds.put(PactFixtures.TARGET_CLIENT_ID, id);
        return expired
                ? new SeedDocument.Secret(
                        id, PactFixtures.CLIENT_SECRET, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))
                : new SeedDocument.Secret(
                        id, PactFixtures.CLIENT_SECRET, now.minus(Duration.ofDays(1)), now.plus(SECRET_VALIDITY));
    }

    SeedDocument.Secret secret(String id, Duration age, Duration validFor) {
        return new SeedDocument.Secret(id, randomSecret(), now.minus(age), now.plus(validFor));
    }

    /** The Digest caller: API key {@link PactFixtures#API_KEY_PUBLIC_KEY} with these organization roles. */
    SeedDocument.ApiKey fixtureApiKey(List<String> roles) {
        return new SeedDocument.ApiKey(
                null, PactFixtures.API_KEY_PUBLIC_KEY, PactFixtures.API_KEY_PRIVATE_KEY, "Pact fixture caller", roles);
    }

    /** An API key nobody authenticates with (random public and private key). */
    SeedDocument.ApiKey apiKey(String id, String desc, List<String> roles, Map<String, Set<String>> projectRoles) {
        return new SeedDocument.ApiKey(
                id, Crypto.randomLowercase(8), Crypto.randomUuid().toString(), desc, roles, projectRoles);
    }

    // --- operations -------------------------------------------------------------------------------

    /** The emulator's data becomes exactly these organizations (limits, tokens, nonces, faults, holds forgotten). */
    void replace(SeedDocument.Organization... organizations) {
        emulator.replaceSeed(new SeedDocument(List.of(organizations)));
    }

    /** {@code Authorization: Bearer} {@link PactFixtures#ACCESS_TOKEN} now authenticates {@code clientId}. */
    void bearerFor(String clientId) {
        emulator.acceptFixtureToken(PactFixtures.ACCESS_TOKEN, clientId, secretIds.get(clientId));
    }

    /** Digest challenges carry {@link PactFixtures#DIGEST_NONCE}; answers with it replay. */
    void fixDigestNonce() {
        emulator.fixDigestNonce(PactFixtures.DIGEST_NONCE);
    }

    void advanceClock(Duration by) {
        emulator.clock().advance(by);
    }

    void issueTokensUpToMaximum(String clientId) {
        emulator.issueTokensUpToMaximum(clientId, secretIds.get(clientId));
    }

    /** The token requests of {@code clientId} from the verifier's address are used up for this minute. */
    void useUpTokenRequests(String clientId) {
        emulator.useUpTokenRequests(clientId, remoteAddress);
    }

    void atlasRateLimit(int capacity, int refill, int seconds) {
        emulator.atlasRateLimit(capacity, refill, seconds);
    }

    void emptyAtlasBucket(String operationId, Map<String, String> pathParameters) {
        emulator.emptyAtlasBucket(operationId, pathParameters);
    }

    void failNextRequest(String operationId, int status) {
        emulator.failNextRequest(operationId, status, null);
    }

    /**
     * A secret creation of {@code clientId} is in progress and stays so until the next state change (which
     * releases it): the next create for the account meets it.
     */
    void creationInProgress(String clientId) {
        SecretCreations.Hold hold = emulator.holdSecretCreations(clientId);
        Thread creation =
                new Thread(() -> emulator.secretCreations().run(clientId, () -> null), "held-secret-creation");
        creation.setDaemon(true);
        creation.start();
        try {
            if (!hold.awaitHeld(Duration.ofSeconds(10))) {
                throw new IllegalStateException("the held creation did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding a creation", e);
        }
    }

    /** The emulator's clock now (after the changes of this state). */
    Instant nowAfterChanges() {
        return emulator.clock().nowSeconds();
    }

    private static String randomSecret() {
        return "mdb_sa_sk_" + Crypto.randomUrlSafe(40);
    }
}
