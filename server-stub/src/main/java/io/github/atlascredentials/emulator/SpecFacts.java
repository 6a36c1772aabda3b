package io.github.atlascredentials.emulator;

import io.github.atlascredentials.spec.rules.ApiRules;
import io.github.atlascredentials.spec.rules.SchemaRule;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The spec facts the emulator's own code needs beyond request checks (seed files, defaults, state
 * rules), read once from the spec's rule table: no pattern, bound or limit is typed twice.
 */
public final class SpecFacts {
    public static final ApiRules RULES = ApiRules.builtIn();

    /** Organization, project, secret and API-key ids. */
    public static final Pattern OBJECT_ID = RULES.parameter("orgId").schema().compiledPattern();

    public static final Pattern CLIENT_ID = RULES.parameter("clientId").schema().compiledPattern();
    public static final Pattern PUBLIC_KEY =
            RULES.schema("ApiKey").requireProperty("publicKey").compiledPattern();
    /** Bounds of a secret's validity in hours, and so of an organization's maximum. */
    public static final SchemaRule SECRET_HOURS =
            RULES.schema("ServiceAccountSecretRequest").requireProperty("secretExpiresAfterHours");

    public static final int MIN_SECRET_HOURS = SECRET_HOURS.minimum().intValue();
    public static final int MAX_SECRET_HOURS = SECRET_HOURS.maximum().intValue();
    /** OAuth form values the spec allows (the forms are checked by the OAuth resource, answering OAuth errors). */
    public static final List<String> GRANT_TYPES =
            RULES.schema("TokenRequest").requireProperty("grant_type").enumValues();

    public static final List<String> TOKEN_TYPE_HINTS =
            RULES.schema("RevokeRequest").requireProperty("token_type_hint").enumValues();
    /** An API key's description. */
    public static final SchemaRule API_KEY_DESC = RULES.schema("ApiKeyRequest").requireProperty("desc");
    /** Organization roles, in the spec's order. */
    public static final List<String> ORG_ROLES = RULES.schema("OrgRoleName").enumValues();

    public static final int MAX_SECRETS_PER_ACCOUNT = (int) RULES.limit("maxSecretsPerServiceAccount");
    public static final int MAX_ACTIVE_TOKENS_PER_ACCOUNT = (int) RULES.limit("maxActiveTokensPerServiceAccount");
    public static final int TOKEN_REQUESTS_PER_MINUTE = (int) RULES.limit("tokenRequestsPerMinute");
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(RULES.limit("accessTokenLifetime"));
    public static final Duration OLDER_SECRET_GRACE = Duration.ofDays(RULES.limit("olderSecretsExpireWithin"));
    public static final int MAX_REQUEST_BODY_BYTES = (int) RULES.limit("maxRequestBodySize");
    public static final int MAX_REQUEST_HEAD_BYTES = (int) RULES.limit("maxRequestHeadSize");

    private SpecFacts() {}
}
