package io.github.atlascredentials.emulator.pact;

import io.github.atlascredentials.emulator.SpecFacts;
import io.github.atlascredentials.emulator.auth.TokenService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every provider state the emulator serves at {@code POST /_emulator/pact/provider-states}: the states of
 * the project's own pacts (names exactly as the pacts carry them) and parameterized states for other
 * teams. The one definition: docs/6's table is generated from {@link #states()} (contract-tests fails when
 * the page differs). Each state, except the clock's, replaces the emulator's data with what it describes.
 */
public final class ProviderStateCatalogue {
    private static final String ORG = "organization " + PactFixtures.ORG_ID + " with project " + PactFixtures.GROUP_ID;
    private static final String BEARER_OWNER = "the caller " + PactFixtures.CALLER_CLIENT_ID
            + " (ORG_OWNER) authenticates with `Bearer` + the fixture access token";
    private static final String TARGET =
            "the target " + PactFixtures.TARGET_CLIENT_ID + " (ORG_MEMBER, GROUP_OWNER of the project)";
    private static final String BASIC = "`Basic` " + PactFixtures.TARGET_CLIENT_ID + ":" + PactFixtures.CLIENT_SECRET;
    private static final String DIGEST = "`Digest` with API key " + PactFixtures.API_KEY_PUBLIC_KEY
            + " / " + PactFixtures.API_KEY_PRIVATE_KEY + "; every challenge carries nonce " + PactFixtures.DIGEST_NONCE
            + " and answers computed with it replay";

    private static final List<ProviderState> STATES = List.of(
            fixed(
                    "the target service account has no secret",
                    ORG + "; " + TARGET + " with no secret; " + BEARER_OWNER + ".",
                    (world, p) -> targetWithSecrets(world, 0)),
            fixed(
                    "the target service account has one secret",
                    ORG + "; " + TARGET + " with 1 secret; " + BEARER_OWNER + ".",
                    (world, p) -> targetWithSecrets(world, 1)),
            fixed(
                    "the target service account already has two secrets",
                    ORG + "; " + TARGET + " with 2 secrets; " + BEARER_OWNER + ".",
                    (world, p) -> targetWithSecrets(world, 2)),
            fixed(
                    "the organization allows secrets of at most 24 hours",
                    ORG + ", secrets of at most 24 hours; " + TARGET + " with no secret; " + BEARER_OWNER + ".",
                    (world, p) -> {
                        world.replace(world.organization(
                                24, List.of(world.owner(), world.target(true, List.of())), List.of()));
                        world.bearerFor(PactFixtures.CALLER_CLIENT_ID);
                        return ids();
                    }),
            fixed(
                    "the caller's access token has expired",
                    "As \"the target service account has no secret\", then the clock moves past the token's lifetime "
                            + "(the fixture token is expired).",
                    (world, p) -> {
                        targetWithSecrets(world, 0);
                        world.advanceClock(TokenService.LIFETIME.plusSeconds(1));
                        return ids();
                    }),
            fixed(
                    "the caller belongs to another organization",
                    ORG + " with " + TARGET + "; organization " + PactFixtures.OTHER_ORG_ID + " with its owner "
                            + PactFixtures.OTHER_CALLER_CLIENT_ID
                            + ", who authenticates with `Bearer` + the fixture access token.",
                    (world, p) -> {
                        world.replace(
                                world.organization(
                                        FixtureWorld.DEFAULT_MAX_HOURS,
                                        List.of(world.target(true, List.of())),
                                        List.of()),
                                world.otherOrganization(
                                        PactFixtures.OTHER_ORG_ID,
                                        List.of(world.caller(
                                                PactFixtures.OTHER_CALLER_CLIENT_ID, Set.of("ORG_OWNER"), Map.of()))));
                        world.bearerFor(PactFixtures.OTHER_CALLER_CLIENT_ID);
                        return ids();
                    }),
            fixed(
                    "the target service account does not exist",
                    ORG + " without the target; " + BEARER_OWNER + ".",
                    (world, p) -> {
                        world.replace(
                                world.organization(FixtureWorld.DEFAULT_MAX_HOURS, List.of(world.owner()), List.of()));
                        world.bearerFor(PactFixtures.CALLER_CLIENT_ID);
                        return ids();
                    }),
            fixed(
                    "the target service account is not assigned to the project",
                    ORG + "; the target " + PactFixtures.TARGET_CLIENT_ID + " (ORG_MEMBER, no project role); "
                            + BEARER_OWNER + ".",
                    (world, p) -> {
                        world.replace(world.organization(
                                FixtureWorld.DEFAULT_MAX_HOURS,
                                List.of(world.owner(), world.target(false, List.of())),
                                List.of()));
                        world.bearerFor(PactFixtures.CALLER_CLIENT_ID);
                        return ids();
                    }),
            fixed(
                    "the caller is an API key with the Organization Owner role",
                    ORG + "; " + TARGET + " with no secret; the caller is an API key (ORG_OWNER): " + DIGEST + ".",
                    (world, p) -> apiKeyCaller(world, List.of("ORG_OWNER"))),
            fixed(
                    "the service account has a valid secret",
                    ORG + "; " + TARGET + " whose only secret is the fixture client secret, valid: " + BASIC
                            + " works.",
                    (world, p) -> targetWithFixtureSecret(world, false)),
            fixed(
                    "the presented client secret is wrong",
                    ORG + "; " + TARGET + " with one secret that is not the fixture client secret: " + BASIC
                            + " is refused.",
                    (world, p) -> {
                        world.replace(world.organization(
                                FixtureWorld.DEFAULT_MAX_HOURS,
                                List.of(world.target(true, world.unknownSecrets(1))),
                                List.of()));
                        return ids();
                    }),
            fixed(
                    "the service account's only secret has expired",
                    ORG + "; " + TARGET + " whose only secret is the fixture client secret, expired a day ago.",
                    (world, p) -> targetWithFixtureSecret(world, true)),
            fixed(
                    "the service account already has 100 active access tokens",
                    "As \"the service account has a valid secret\", and the target holds the maximum of active access tokens.",
                    (world, p) -> {
                        targetWithFixtureSecret(world, false);
                        world.issueTokensUpToMaximum(PactFixtures.TARGET_CLIENT_ID);
                        return ids();
                    }),
            fixed(
                    "the service account has used up its token requests for this minute",
                    "As \"the service account has a valid secret\", and the target's token requests from the verifier's "
                            + "address are used up for this minute.",
                    (world, p) -> {
                        targetWithFixtureSecret(world, false);
                        world.useUpTokenRequests(PactFixtures.TARGET_CLIENT_ID);
                        return ids();
                    }),
            fixed(
                    "the target service account has the example secret and another",
                    ORG + "; " + TARGET + " with two secrets, the first with the spec's secretId example "
                            + PactFixtures.EXAMPLE_SECRET_ID + "; " + BEARER_OWNER + ".",
                    (world, p) -> {
                        world.replace(world.organization(
                                FixtureWorld.DEFAULT_MAX_HOURS,
                                List.of(
                                        world.owner(),
                                        world.target(
                                                true,
                                                List.of(
                                                        world.secret(
                                                                PactFixtures.EXAMPLE_SECRET_ID,
                                                                Duration.ofDays(1),
                                                                Duration.ofDays(30)),
                                                        world.secret(null, Duration.ZERO, Duration.ofDays(60))))),
                                List.of()));
                        world.bearerFor(PactFixtures.CALLER_CLIENT_ID);
                        return ids();
                    }),
            new ProviderState(
                    "the organization has the example API key",
                    ORG + "; " + TARGET + " with 1 secret; one API key with the spec's apiUserId example "
                            + PactFixtures.EXAMPLE_API_KEY_ID + ", description `desc`, organization roles `roles` "
                            + "and roles `projectRoles` in the project " + PactFixtures.GROUP_ID
                            + " (both comma-separated, "
                            + "as the spec's example: an API key may hold project roles); " + BEARER_OWNER + ".",
                    List.of(
                            new ProviderState.Parameter("desc", "Example API key", "the key's description"),
                            new ProviderState.Parameter(
                                    "roles", "ORG_MEMBER", "its organization roles, comma-separated"),
                            new ProviderState.Parameter(
                                    "projectRoles", "", "its roles in the project, comma-separated (empty: none)")),
                    (world, p) -> {
                        List<String> roles = p.organizationRoles("roles");
                        Set<String> projectRoles = p.names("projectRoles");
                        world.replace(world.organization(
                                FixtureWorld.DEFAULT_MAX_HOURS,
                                List.of(world.owner(), world.target(true, world.unknownSecrets(1))),
                                List.of(world.apiKey(
                                        PactFixtures.EXAMPLE_API_KEY_ID,
                                        p.text("desc"),
                                        roles,
                                        projectRoles.isEmpty()
                                                ? Map.of()
                                                : Map.of(PactFixtures.GROUP_ID, projectRoles)))));
                        world.bearerFor(PactFixtures.CALLER_CLIENT_ID);
                        return ids();
                    }),
            fixed(
                    "the organization has no API key",
                    ORG + " without API keys; " + TARGET + " with no secret; " + BEARER_OWNER + ".",
                    (world, p) -> targetWithSecrets(world, 0)),
            fixed(
                    "the caller is only an Organization Member",
                    ORG + "; the caller is the target " + PactFixtures.TARGET_CLIENT_ID
                            + " itself (ORG_MEMBER, GROUP_OWNER of the project), with `Bearer` + the fixture access token.",
                    (world, p) -> {
                        var target = world.caller(
                                PactFixtures.TARGET_CLIENT_ID,
                                Set.of("ORG_MEMBER"),
                                Map.of(PactFixtures.GROUP_ID, Set.of("GROUP_OWNER")));
                        world.replace(world.organization(
                                FixtureWorld.DEFAULT_MAX_HOURS, List.of(world.owner(), target), List.of()));
                        world.bearerFor(PactFixtures.TARGET_CLIENT_ID);
                        return ids();
                    }),
            fixed(
                    "another secret of the target service account is being created",
                    "As \"the target service account has no secret\", and a secret creation for the target is in "
                            + "progress until the next state change: a create meets it (409).",
                    (world, p) -> {
                        targetWithSecrets(world, 0);
                        world.creationInProgress(PactFixtures.TARGET_CLIENT_ID);
                        return ids();
                    }),
            fixed(
                    "the organization's token bucket for these operations is empty",
                    "As \"the target service account has no secret\", with Atlas token buckets of 3 (3 more every 60 s) "
                            + "and the organization's bucket of the org-level create-secret operation empty.",
                    (world, p) -> {
                        targetWithSecrets(world, 0);
                        world.atlasRateLimit(3, 3, 60);
                        world.emptyAtlasBucket(
                                "createOrgServiceAccountSecret",
                                Map.of("orgId", PactFixtures.ORG_ID, "clientId", PactFixtures.TARGET_CLIENT_ID));
                        return ids();
                    }),
            fixed(
                    "the token endpoint fails with an unexpected error",
                    "As \"the service account has a valid secret\", and the next token request fails with 500.",
                    (world, p) -> {
                        targetWithFixtureSecret(world, false);
                        world.failNextRequest("requestAccessToken", 500);
                        return ids();
                    }),

            // --- parameterized, for other teams' pacts ---------------------------------------------
            new ProviderState(
                    "a service account with secrets",
                    ORG + "; " + TARGET + " with `secrets` secrets (0 to the spec's maximum); " + BEARER_OWNER + ".",
                    List.of(new ProviderState.Parameter("secrets", "1", "how many secrets the target has")),
                    (world, p) -> targetWithSecrets(world, p.whole("secrets", 0, SpecFacts.MAX_SECRETS_PER_ACCOUNT))),
            new ProviderState(
                    "the caller has a role",
                    ORG + "; " + TARGET + " with 1 secret; the caller " + PactFixtures.CALLER_CLIENT_ID
                            + " holds organization role `role` (and `projectRole` of the project, if given), with "
                            + "`Bearer` + the fixture access token.",
                    List.of(
                            new ProviderState.Parameter("role", "ORG_MEMBER", "one of the spec's organization roles"),
                            new ProviderState.Parameter("projectRole", "", "a role in the project, or empty for none")),
                    (world, p) -> {
                        String role = p.oneOf("role", SpecFacts.ORG_ROLES);
                        String projectRole = p.text("projectRole").trim();
                        var caller = world.caller(
                                PactFixtures.CALLER_CLIENT_ID,
                                Set.of(role),
                                projectRole.isEmpty() ? Map.of() : Map.of(PactFixtures.GROUP_ID, Set.of(projectRole)));
                        world.replace(world.organization(
                                FixtureWorld.DEFAULT_MAX_HOURS,
                                List.of(caller, world.target(true, world.unknownSecrets(1))),
                                List.of()));
                        world.bearerFor(PactFixtures.CALLER_CLIENT_ID);
                        return ids();
                    }),
            new ProviderState(
                    "an API key caller with roles",
                    ORG + "; " + TARGET + " with no secret; the caller is an API key with organization roles `roles` "
                            + "(comma-separated): " + DIGEST + ".",
                    List.of(new ProviderState.Parameter(
                            "roles", "ORG_OWNER", "its organization roles, comma-separated")),
                    (world, p) -> apiKeyCaller(world, p.organizationRoles("roles"))),
            new ProviderState(
                    "the emulator clock is advanced",
                    "Keeps the data of the states before it and moves the emulator's clock forward by `seconds` "
                            + "(up to 10 years): tokens, nonces and secrets age. Give it after another state.",
                    List.of(new ProviderState.Parameter("seconds", "3600", "how far to move the clock")),
                    (world, p) -> {
                        world.advanceClock(Duration.ofSeconds(p.whole("seconds", 0, 315_360_000)));
                        return Map.of("now", world.nowAfterChanges().toString());
                    }));

    private static final Map<String, ProviderState> BY_NAME = byName();

    private ProviderStateCatalogue() {}

    /** Every state, in the order of docs/6's table. */
    public static List<ProviderState> states() {
        return STATES;
    }

    public static Optional<ProviderState> state(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Whether the state keeps the data the states before it set (the clock's) instead of replacing it. */
    static boolean keepsData(ProviderState state) {
        return state.name().equals("the emulator clock is advanced");
    }

    private static ProviderState fixed(String name, String seeds, ProviderState.Setup setup) {
        return new ProviderState(name, seeds, List.of(), setup);
    }

    private static Map<String, Object> targetWithSecrets(FixtureWorld world, int secrets) {
        world.replace(world.organization(
                FixtureWorld.DEFAULT_MAX_HOURS,
                List.of(world.owner(), world.target(true, world.unknownSecrets(secrets))),
                List.of()));
        world.bearerFor(PactFixtures.CALLER_CLIENT_ID);
        return ids();
    }

    private static Map<String, Object> targetWithFixtureSecret(FixtureWorld world, boolean expired) {
        world.replace(world.organization(
                FixtureWorld.DEFAULT_MAX_HOURS,
                List.of(world.target(true, List.of(world.fixtureSecret(expired)))),
                List.of()));
        return ids();
    }

    private static Map<String, Object> apiKeyCaller(FixtureWorld world, List<String> roles) {
        world.replace(world.organization(
                FixtureWorld.DEFAULT_MAX_HOURS,
                List.of(world.target(true, List.of())),
                List.of(world.fixtureApiKey(roles))));
        world.fixDigestNonce();
        return ids();
    }

    /** The ids a verifier may inject ({@code fromProviderState}): the same in every state. */
    private static Map<String, Object> ids() {
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("orgId", PactFixtures.ORG_ID);
        ids.put("groupId", PactFixtures.GROUP_ID);
        ids.put("clientId", PactFixtures.TARGET_CLIENT_ID);
        return ids;
    }

    private static Map<String, ProviderState> byName() {
        Map<String, ProviderState> byName = new LinkedHashMap<>();
        for (ProviderState state : STATES) {
            if (byName.put(state.name(), state) != null) {
                throw new IllegalStateException("two provider states named " + state.name());
            }
        }
        return byName;
    }
}
