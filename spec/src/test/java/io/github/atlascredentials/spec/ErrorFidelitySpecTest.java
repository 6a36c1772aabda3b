package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.spec.rules.ApiRules;
import io.github.atlascredentials.spec.rules.ErrorCodeRule;
import io.github.atlascredentials.spec.rules.RuleTableGenerator;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error side of issue 22 in the spec: each row's value and the source it states. */
class ErrorFidelitySpecTest {
    private static final String ISSUE_3791 =
            "observed answer: https://github.com/mongodb/terraform-provider-mongodbatlas/pull/3791";
    private static final String ATLAS_LIMITS =
            "documentation page: https://www.mongodb.com/docs/manual/reference/limits/#mongodb-atlas-service-account-limits";

    private final JsonNode root = SpecDocument.loadMain().root();

    /** Row 1: 10 token requests a minute, with the sentence of the observed answer; the 429's shape disagreement is recorded. */
    @Test
    void tokenLimitIsTenAMinuteAsObserved() {
        JsonNode limit = root.path("x-limits").path("tokenRequestsPerMinute");
        assertThat(limit.path("value").asInt()).isEqualTo(10);
        assertThat(limit.path("x-source").asText()).isEqualTo(ISSUE_3791);
        assertThat(limit.path("x-source-says").asText())
                .isEqualTo("Resource /api/oauth/token is limited to 10 requests every 1 minutes");
        assertThat(limit.has("x-disagreement")).as("no source states 50").isFalse();
        JsonNode shape = root.path("x-error-codes").path("RATE_LIMITED").path("x-disagreement");
        assertThat(shape.path("says").asText()).contains("rate_limited");
        assertThat(shape.path("choice").asText()).isNotBlank();
        assertThat(root.path("components")
                        .path("examples")
                        .path("RateLimited")
                        .path("value")
                        .path("parameters")
                        .toString())
                .isEqualTo("[\"/api/oauth/token\",10,1]");
    }

    /** Row 2: the role answer; the old examples are gone and nothing in the spec answers NOT_ORG_OWNER or ACCESS_FORBIDDEN. */
    @Test
    void aMissingRoleIsUserUnauthorized() {
        assertThat(root.path("info").path("description").asText())
                .contains("or whose credential belongs to another organization, is answered 401 `USER_UNAUTHORIZED`");
        assertThat(root.path("components").path("examples").has("NotOrgOwner")).isFalse();
        assertThat(root.path("components").path("examples").has("AccessForbidden"))
                .isFalse();
        assertThat(root.path("x-error-codes").path("NOT_ORG_OWNER").has("x-causes"))
                .isFalse();
        assertThat(root.path("x-error-codes")
                        .path("USER_UNAUTHORIZED")
                        .path("x-causes")
                        .findValuesAsText("cause"))
                .contains("wrong role", "credential of another organization");
    }

    /** Row 9: an empty token is refused, as the emulator does; envelope is documented as ignored on the OAuth endpoints. */
    @Test
    void revokeTokenIsNonEmptyAndOAuthAnswersAreNotEnveloped() {
        assertThat(root.at("/components/schemas/RevokeRequest/properties/token/minLength")
                        .asInt())
                .isEqualTo(1);
        for (String path : List.of("/api/oauth/token", "/api/oauth/revoke")) {
            assertThat(root.path("paths")
                            .path(path)
                            .path("post")
                            .path("description")
                            .asText()
                            .replaceAll("\\s+", " "))
                    .as(path)
                    .contains("`envelope` is accepted and ignored");
        }
    }

    /** Row 10 and item 3: the documented texts, generated into the rule table the emulator's enums come from. */
    @Test
    void errorTextsAreDefinedOnceAndReachTheRuleTable() throws IOException {
        ApiRules rules = RuleTableGenerator.rulesOf(SpecDocument.mainSpecPath());
        assertThat(rules.oauthErrors().get("invalid_client").detail()).isEqualTo("Invalid credentials provided.");
        assertThat(rules.oauthErrors().get("access_denied").detail()).startsWith("Access Token limit reached. ");
        assertThat(rules.errorCodes().get("USER_UNAUTHORIZED").detail())
                .isEqualTo("Current user is not authorized to perform this action.");
        ErrorCodeRule bucket = rules.errorCodes().get("RATE_LIMITED_TOKEN_BUCKET");
        assertThat(bucket.arguments()).containsExactly("path", "retryAfter", "capacity", "refill", "seconds");
        ErrorCodeRule notAllowed = rules.errorCodes().get("METHOD_NOT_ALLOWED");
        assertThat(notAllowed.parameters()).containsExactly("method");
        assertThat(notAllowed.arguments()).containsExactly("method", "path");
        for (String code : List.of("invalid_request", "unsupported_grant_type", "invalid_grant")) {
            assertThat(root.path("x-oauth-errors").path(code).path("x-source").asText())
                    .as(code)
                    .isEqualTo(
                            "documentation page: https://www.mongodb.com/docs/atlas/api/service-accounts/generate-oauth2-token/");
        }
    }

    /** Item 2, row 13: limits cite the limits page; the third secret's code stays chosen. */
    @Test
    void limitsCiteTheLimitsPageAndTheThirdSecretStaysChosen() {
        for (String limit : List.of("maxSecretsPerServiceAccount", "maxActiveTokensPerServiceAccount")) {
            assertThat(root.path("x-limits").path(limit).path("x-source").asText())
                    .as(limit)
                    .isEqualTo(ATLAS_LIMITS);
        }
        assertThat(root.path("x-error-codes")
                        .path("MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED")
                        .path("x-source")
                        .asText())
                .startsWith("chosen by this project:");
        assertThat(root.path("x-error-codes")
                        .path("INVALID_VERSION_DATE")
                        .path("x-disagreement")
                        .path("says")
                        .asText())
                .contains("400");
    }
}
