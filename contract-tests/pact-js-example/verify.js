// Verifies the pact of consumer.test.js against a running emulator with the Rust verifier that pact-js
// ships (@pact-foundation/pact-core, installed with @pact-foundation/pact), given nothing but the
// emulator's base URL and its state-change URL: the mechanism docs/6 documents for every team.
// Not pact-js's Verifier class: its request proxy re-encodes form bodies (the token request) as JSON
// (pact-js issues #884 and #1233). Usage: node verify.js <emulator base URL> [admin token]
'use strict';
const path = require('node:path');
const pact = require('@pact-foundation/pact-core');
const verifier = pact.default || pact;

const [base, adminToken] = process.argv.slice(2);
if (!base) {
  console.error('usage: node verify.js <emulator base URL> [admin token]');
  process.exit(2);
}
const stateUrl = `${base}/_emulator/pact/provider-states${adminToken ? `?token=${encodeURIComponent(adminToken)}` : ''}`;
verifier.setLogLevel('warn');
verifier
  .verifyPacts({
    provider: 'atlas-emulator',
    providerBaseUrl: base,
    pactUrls: [path.resolve(__dirname, 'pacts', 'pact-js-example-atlas-emulator.json')],
    providerStatesSetupUrl: stateUrl,
    providerStatesSetupBody: true,
    failIfNoPactsFound: true,
    logLevel: 'warn',
  })
  .then(() => console.log('pact-js example: every interaction verified against the emulator'))
  .catch((error) => {
    console.error('pact-js example: verification FAILED', error && error.message ? error.message : error);
    process.exit(1);
  });
