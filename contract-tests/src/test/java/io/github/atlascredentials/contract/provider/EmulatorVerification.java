package io.github.atlascredentials.contract.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.atlascredentials.contract.support.Contract.States;
import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.emulator.junit.AtlasEmulatorExtension;
import io.github.atlascredentials.emulator.seed.SeedDocument;
import au.com.dius.pact.provider.IHttpClientFactory;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.Timeout;
import java.util.List;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays every pact interaction against the real emulator, in-process on a random port. Each
 * provider state seeds exactly what the interaction needs; the consumer's fake Authorization
 * header is replaced by a real credential the emulator checks (no auth bypass).
 */
abstract class EmulatorVerification {
  private static AtlasEmulator emulator;
  private static EmulatorStates states;

  /** One emulator per class on a random port, with no organization: each state seeds what it needs. */
  @RegisterExtension
  static final AtlasEmulatorExtension EMULATOR =
      AtlasEmulatorExtension.configured(builder -> builder.seed(new SeedDocument(List.of())));

  @BeforeAll
  static void startEmulator(AtlasEmulator started) {
    emulator = started;
    states = new EmulatorStates(emulator.baseUri());
  }

  /**
   * Pact's default HTTP client retries a 429 after its Retry-After; the verifier must see the
   * first answer, as the client under contract does.
   */
  private static final IHttpClientFactory NO_RETRIES = provider -> HttpClients.custom()
      .disableAutomaticRetries()
      .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
      .build();

  @BeforeEach
  void aimAtTheEmulator(PactVerificationContext context) {
    if (context != null) {
      context.setTarget(new HttpTestTarget(emulator.baseUri().getHost(), emulator.port(), "/", () -> NO_RETRIES));
    }
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction(PactVerificationContext context, HttpRequest request) {
    String authorization = states.authorization();
    if (authorization != null) {
      request.setHeader("Authorization", authorization);
    }
    context.verifyInteraction();
  }

  @State(States.TARGET_HAS_NO_SECRET)
  void targetHasNoSecret() {
    states.targetWithSecrets(0);
  }

  @State(States.TARGET_HAS_ONE_SECRET)
  void targetHasOneSecret() {
    states.targetWithSecrets(1);
  }

  @State(States.TARGET_HAS_TWO_SECRETS)
  void targetHasTwoSecrets() {
    states.targetWithSecrets(2);
  }

  @State(States.ORG_MAX_24_HOURS)
  void organizationAllows24Hours() {
    states.organizationMaximum(24);
  }

  @State(States.CALLER_TOKEN_EXPIRED)
  void callerTokenExpired() {
    states.expiredCallerToken();
  }

  @State(States.CALLER_IN_OTHER_ORG)
  void callerInOtherOrganization() {
    states.callerInOtherOrganization();
  }

  @State(States.TARGET_MISSING)
  void targetMissing() {
    states.targetMissing();
  }

  @State(States.TARGET_NOT_IN_PROJECT)
  void targetNotInProject() {
    states.targetNotInProject();
  }

  @State(States.CALLER_API_KEY_OWNER)
  void callerIsAnOwnerApiKey() {
    states.ownerApiKeyWithDigest("POST", "/api/public/v1.0/orgs/" + EmulatorStates.ORG_ID + "/apiKeys");
  }

  @State(States.SECRET_VALID)
  void validSecret() {
    states.validSecret();
  }

  @State(States.SECRET_WRONG)
  void wrongSecret() {
    states.wrongSecret();
  }

  @State(States.SECRET_EXPIRED)
  void expiredSecret() {
    states.expiredSecret();
  }

  @State(States.TARGET_HAS_EXAMPLE_SECRET)
  void targetHasTheExampleSecret() {
    states.targetWithExampleSecret();
  }

  @State(States.ORG_HAS_EXAMPLE_API_KEY)
  void organizationHasTheExampleApiKey() {
    states.exampleApiKey();
  }

  @State(States.ORG_HAS_NO_API_KEY)
  void organizationHasNoApiKey() {
    states.targetWithSecrets(0);
  }

  @State(States.CALLER_ORG_MEMBER)
  void callerIsAnOrganizationMember() {
    states.callerOrganizationMember();
  }

  @State(States.TOKENS_AT_MAXIMUM)
  void tokensAtMaximum() {
    states.tokensAtMaximum();
  }

  @State(States.TOKEN_RATE_LIMIT_REACHED)
  void tokenRateLimitReached() {
    states.tokenRateLimitReached();
  }

  @State(States.SECRET_CREATION_IN_PROGRESS)
  void secretCreationInProgress() {
    states.secretCreationInProgress();
  }

  @State(States.ORG_RATE_LIMIT_REACHED)
  void orgRateLimitReached() {
    states.orgRateLimitReached();
  }

  @State(States.TOKEN_ENDPOINT_FAULT)
  void tokenEndpointFault() {
    states.tokenEndpointFault();
  }
}
