package io.github.atlascredentials.contract.support;

import io.github.atlascredentials.emulator.pact.PactFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What both sides of the pact agree on: participant names, provider state names and the fixture
 * credentials the consumer tests record. Fixture values are obviously fake and short of a live shape;
 * the emulator's provider states ({@code /_emulator/pact/provider-states}) make them valid, so a verifier
 * replays them as recorded.
 */
public final class Contract {
    public static final String CONSUMER = "atlas-credentials-client";
    public static final String PROVIDER = "atlas-emulator";

    /** The spec's own fake access token (example {@code AccessToken}), which the emulator's provider states accept. */
    public static final String FAKE_ACCESS_TOKEN = PactFixtures.ACCESS_TOKEN;
    /** The fixture client secret of the OAuth states; not a live shape (a live secret is {@code mdb_sa_sk_} plus 40 characters). */
    public static final String FAKE_CLIENT_SECRET = PactFixtures.CLIENT_SECRET;
    /** The client nonce of the recorded Digest answers (any value replays against the state's fixed nonce). */
    public static final String DIGEST_CNONCE = "0a4f113b";

    public static final String BEARER_REGEX = "^Bearer [A-Za-z0-9._~+/-]+=*$";
    public static final String BASIC_REGEX = "^Basic [A-Za-z0-9+/]+=*$";
    public static final String ATLAS_JSON = "application/vnd.atlas.2024-08-05+json";
    /** The only version of the Atlas API key operations. */
    public static final String ATLAS_KEYS_JSON = "application/vnd.atlas.2023-01-01+json";

    public static final String ATLAS_JSON_ANY_DATE = "^application/vnd\\.atlas\\.\\d{4}-\\d{2}-\\d{2}\\+json$";
    /** A version date before the first version of these operations (2024-08-05): 406 by the spec. */
    public static final String ATLAS_JSON_UNSERVED = "application/vnd.atlas.2023-01-01+json";

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String DIGEST_CHALLENGE_REGEX = "^Digest realm=\"MMS Public API\".*$";
    public static final String DIGEST_CHALLENGE_EXAMPLE =
            "Digest realm=\"MMS Public API\", domain=\"\", nonce=\"FAKE-NONCE\", algorithm=MD5, qop=\"auth\", stale=false";

    /** The challenge while a state with the API-key caller is set: the state's fixed nonce. */
    public static final String DIGEST_FIXTURE_CHALLENGE = "Digest realm=\"MMS Public API\", domain=\"\", nonce=\""
            + PactFixtures.DIGEST_NONCE + "\", algorithm=MD5, qop=\"auth\", stale=false";

    /**
     * The Digest answer of the fixture API key to the fixed nonce for one request (nonce count 1): what the client
     * computes from the recorded challenge, and what a verifier replays.
     */
    public static String digestAnswer(String method, String uri) {
        String ha1 = md5(PactFixtures.API_KEY_PUBLIC_KEY + ":MMS Public API:" + PactFixtures.API_KEY_PRIVATE_KEY);
        String ha2 = md5(method + ":" + uri);
        String response = md5(ha1 + ":" + PactFixtures.DIGEST_NONCE + ":00000001:" + DIGEST_CNONCE + ":auth:" + ha2);
        return "Digest username=\"" + PactFixtures.API_KEY_PUBLIC_KEY + "\", realm=\"MMS Public API\", nonce=\""
                + PactFixtures.DIGEST_NONCE + "\", uri=\"" + uri + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\""
                + DIGEST_CNONCE + "\", response=\"" + response + "\"";
    }

    /** Any Digest answer of the fixture API key to the fixed nonce for {@code uri}, whatever its count and cnonce. */
    public static String digestAnswerRegex(String uri) {
        return "^Digest username=\"" + PactFixtures.API_KEY_PUBLIC_KEY + "\", realm=\"MMS Public API\", nonce=\""
                + portable(PactFixtures.DIGEST_NONCE) + "\", uri=\"" + portable(uri)
                + "\", .*response=\"[0-9a-f]{32}\".*$";
    }

    /** A literal in a regex every Pact implementation reads (no Q...E quoting): meta characters escaped one by one. */
    private static String portable(String literal) {
        StringBuilder regex = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.append(c);
        }
        return regex.toString();
    }

    private static String md5(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("MD5")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** The Basic header the consumer tests send (fake secret). */
    public static String fakeBasic(String clientId) {
        return basic(clientId, FAKE_CLIENT_SECRET);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Provider states: each names the situation; the provider seeds exactly that into the emulator. */
    public static final class States {
        /** Org (spec orgId example) with project (spec groupId example); the target account (spec clientId example) is in both. */
        public static final String TARGET_HAS_NO_SECRET = "the target service account has no secret";

        public static final String TARGET_HAS_ONE_SECRET = "the target service account has one secret";
        public static final String TARGET_HAS_TWO_SECRETS = "the target service account already has two secrets";
        public static final String ORG_MAX_24_HOURS = "the organization allows secrets of at most 24 hours";
        public static final String CALLER_TOKEN_EXPIRED = "the caller's access token has expired";
        public static final String CALLER_IN_OTHER_ORG = "the caller belongs to another organization";
        public static final String TARGET_MISSING = "the target service account does not exist";
        public static final String TARGET_NOT_IN_PROJECT = "the target service account is not assigned to the project";
        public static final String CALLER_API_KEY_OWNER = "the caller is an API key with the Organization Owner role";
        public static final String SECRET_VALID = "the service account has a valid secret";
        public static final String SECRET_WRONG = "the presented client secret is wrong";
        public static final String SECRET_EXPIRED = "the service account's only secret has expired";
        public static final String TOKENS_AT_MAXIMUM = "the service account already has 100 active access tokens";
        public static final String TOKEN_RATE_LIMIT_REACHED =
                "the service account has used up its token requests for this minute";
        /** Two secrets, the first with the spec's secretId example. */
        public static final String TARGET_HAS_EXAMPLE_SECRET =
                "the target service account has the example secret and another";
        /** The organization's only API key has the spec's apiUserId example, description and roles of the examples. */
        public static final String ORG_HAS_EXAMPLE_API_KEY = "the organization has the example API key";

        public static final String ORG_HAS_NO_API_KEY = "the organization has no API key";
        /** The caller holds only ORG_MEMBER (and GROUP_OWNER of the project). */
        public static final String CALLER_ORG_MEMBER = "the caller is only an Organization Member";

        public static final String SECRET_CREATION_IN_PROGRESS =
                "another secret of the target service account is being created";
        public static final String ORG_RATE_LIMIT_REACHED =
                "the organization's token bucket for these operations is empty";
        public static final String TOKEN_ENDPOINT_FAULT = "the token endpoint fails with an unexpected error";

        private States() {}
    }

    private Contract() {}
}
