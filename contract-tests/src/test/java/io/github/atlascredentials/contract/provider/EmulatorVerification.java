package io.github.atlascredentials.contract.provider;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.atlascredentials.contract.support.Contract.States;
import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.emulator.junit.AtlasEmulatorExtension;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replays every pact interaction, exactly as recorded (credentials included), against the real emulator
 * in-process on a random port, started as guide 5 says (the demo seed). Each provider state is set the
 * way any Pact implementation sets it: a call of the emulator's own state-change URL,
 * {@code POST /_emulator/pact/provider-states}. Pact JVM wants a {@code @State} method per state name,
 * so each of them only forwards its name and parameters.
 */
abstract class EmulatorVerification {
    private static AtlasEmulator emulator;
    private static ProviderStateUrl states;

    /** One emulator per class on a random port, with the demo seed and a raised token rate limit. */
    @RegisterExtension
    static final AtlasEmulatorExtension EMULATOR =
            AtlasEmulatorExtension.configured(builder -> builder.tokenRateLimitPerMinute(1_000));

    @BeforeAll
    static void startEmulator(AtlasEmulator started) {
        emulator = started;
        states = new ProviderStateUrl(emulator.baseUri());
    }

    /**
     * Pact's default HTTP client retries a 429 after its Retry-After; the verifier must see the
     * first answer, as the client under contract does.
     */
    private static final IHttpClientFactory NO_RETRIES = provider -> HttpClients.custom()
            .disableAutomaticRetries()
            .setDefaultRequestConfig(RequestConfig.custom()
                    .setResponseTimeout(Timeout.ofSeconds(10))
                    .build())
            .build();

    @BeforeEach
    void aimAtTheEmulator(PactVerificationContext context) {
        if (context != null) {
            context.setTarget(new HttpTestTarget(emulator.baseUri().getHost(), emulator.port(), "/", () -> NO_RETRIES));
        }
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void interaction(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State(States.TARGET_HAS_NO_SECRET)
    void targetHasNoSecret(Map<String, Object> params) {
        states.setUp(States.TARGET_HAS_NO_SECRET, params);
    }

    @State(States.TARGET_HAS_ONE_SECRET)
    void targetHasOneSecret(Map<String, Object> params) {
        states.setUp(States.TARGET_HAS_ONE_SECRET, params);
    }

    @State(States.TARGET_HAS_TWO_SECRETS)
    void targetHasTwoSecrets(Map<String, Object> params) {
        states.setUp(States.TARGET_HAS_TWO_SECRETS, params);
    }

    @State(States.ORG_MAX_24_HOURS)
    void organizationAllows24Hours(Map<String, Object> params) {
        states.setUp(States.ORG_MAX_24_HOURS, params);
    }

    @State(States.CALLER_TOKEN_EXPIRED)
    void callerTokenExpired(Map<String, Object> params) {
        states.setUp(States.CALLER_TOKEN_EXPIRED, params);
    }

    @State(States.CALLER_IN_OTHER_ORG)
    void callerInOtherOrganization(Map<String, Object> params) {
        states.setUp(States.CALLER_IN_OTHER_ORG, params);
    }

    @State(States.TARGET_MISSING)
    void targetMissing(Map<String, Object> params) {
        states.setUp(States.TARGET_MISSING, params);
    }

    @State(States.TARGET_NOT_IN_PROJECT)
    void targetNotInProject(Map<String, Object> params) {
        states.setUp(States.TARGET_NOT_IN_PROJECT, params);
    }

    @State(States.CALLER_API_KEY_OWNER)
    void callerIsAnOwnerApiKey(Map<String, Object> params) {
        states.setUp(States.CALLER_API_KEY_OWNER, params);
    }

    @State(States.SECRET_VALID)
    void validSecret(Map<String, Object> params) {
        states.setUp(States.SECRET_VALID, params);
    }

    @State(States.SECRET_WRONG)
    void wrongSecret(Map<String, Object> params) {
        states.setUp(States.SECRET_WRONG, params);
    }

    @State(States.SECRET_EXPIRED)
    void expiredSecret(Map<String, Object> params) {
        states.setUp(States.SECRET_EXPIRED, params);
    }

    @State(States.TARGET_HAS_EXAMPLE_SECRET)
    void targetHasTheExampleSecret(Map<String, Object> params) {
        states.setUp(States.TARGET_HAS_EXAMPLE_SECRET, params);
    }

    @State(States.ORG_HAS_EXAMPLE_API_KEY)
    void organizationHasTheExampleApiKey(Map<String, Object> params) {
        states.setUp(States.ORG_HAS_EXAMPLE_API_KEY, params);
    }

    @State(States.ORG_HAS_NO_API_KEY)
    void organizationHasNoApiKey(Map<String, Object> params) {
        states.setUp(States.ORG_HAS_NO_API_KEY, params);
    }

    @State(States.CALLER_ORG_MEMBER)
    void callerIsAnOrganizationMember(Map<String, Object> params) {
        states.setUp(States.CALLER_ORG_MEMBER, params);
    }

    @State(States.TOKENS_AT_MAXIMUM)
    void tokensAtMaximum(Map<String, Object> params) {
        states.setUp(States.TOKENS_AT_MAXIMUM, params);
    }

    @State(States.TOKEN_RATE_LIMIT_REACHED)
    void tokenRateLimitReached(Map<String, Object> params) {
        states.setUp(States.TOKEN_RATE_LIMIT_REACHED, params);
    }

    @State(States.SECRET_CREATION_IN_PROGRESS)
    void secretCreationInProgress(Map<String, Object> params) {
        states.setUp(States.SECRET_CREATION_IN_PROGRESS, params);
    }

    @State(States.ORG_RATE_LIMIT_REACHED)
    void orgRateLimitReached(Map<String, Object> params) {
        states.setUp(States.ORG_RATE_LIMIT_REACHED, params);
    }

    @State(States.TOKEN_ENDPOINT_FAULT)
    void tokenEndpointFault(Map<String, Object> params) {
        states.setUp(States.TOKEN_ENDPOINT_FAULT, params);
    }
}
