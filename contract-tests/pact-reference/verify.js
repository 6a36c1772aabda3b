// Verifies pact files against a running provider with the Pact reference verifier (the Rust core
// that pact-js, pact-python, pact-go and the pact CLI use), through @pact-foundation/pact-core.
// Usage: node verify.js <providerBaseUrl> <stateChangeUrl> <pact file>...
// Exits 0 when every interaction matches, 1 otherwise. Run by PactReferenceVerifierTest.
'use strict';
const pact = require('@pact-foundation/pact-core');
const verifier = pact.default || pact;

const [providerBaseUrl, stateChangeUrl, ...pactUrls] = process.argv.slice(2);
if (!providerBaseUrl || !stateChangeUrl || pactUrls.length === 0) {
  console.error('usage: node verify.js <providerBaseUrl> <stateChangeUrl> <pact file>...');
  process.exit(2);
}
verifier.setLogLevel('warn');
verifier
  .verifyPacts({
    providerBaseUrl,
    pactUrls,
    providerStatesSetupUrl: stateChangeUrl,
    providerStatesSetupBody: true,
    failIfNoPactsFound: true,
    logLevel: 'warn',
  })
  .then(() => {
    console.log('pact reference verifier: every interaction verified');
  })
  .catch((error) => {
    console.error('pact reference verifier: FAILED', error && error.message ? error.message : error);
    process.exit(1);
  });
