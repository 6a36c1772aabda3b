package io.github.atlascredentials.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.atlascredentials.contract.support.Contract;

/** Verifies the pacts the consumer tests of this build wrote (the default: no broker needed). */
@Provider(Contract.PROVIDER)
@PactFolder("target/pacts")
class EmulatorProviderTest extends EmulatorVerification {}
