package io.github.atlascredentials.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerAuth;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerConsumerVersionSelectors;
import au.com.dius.pact.provider.junitsupport.loader.SelectorBuilder;
import io.github.atlascredentials.contract.support.Contract;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Verifies the pacts a Pact Broker holds for this provider and, with
 * {@code pact.verifier.publishResults=true} (set by the pom's pact-broker profile), publishes the
 * results with {@code pact.provider.version} and {@code pact.provider.branch}. Runs only when
 * {@code PACT_BROKER_BASE_URL} is set.
 */
@Provider(Contract.PROVIDER)
@PactBroker(
        url = "${PACT_BROKER_BASE_URL}",
        authentication =
                @PactBrokerAuth(
                        token = "${PACT_BROKER_TOKEN:}",
                        username = "${PACT_BROKER_USERNAME:}",
                        password = "${PACT_BROKER_PASSWORD:}"))
@EnabledIfEnvironmentVariable(named = "PACT_BROKER_BASE_URL", matches = ".+")
class EmulatorBrokerProviderTest extends EmulatorVerification {

    /** The consumer's main branch, the branch matching this build's, and what is deployed or released. */
    @PactBrokerConsumerVersionSelectors
    static SelectorBuilder consumerVersionSelectors() {
        return new SelectorBuilder().mainBranch().matchingBranch().deployedOrReleased();
    }
}
