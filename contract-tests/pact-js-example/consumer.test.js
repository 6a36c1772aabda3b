// A consumer of the credential endpoints written with pact-js, as a team outside this project would
// write it: five interactions, recorded with the fixture credentials of docs/6 and verified against the
// emulator with nothing but its state-change URL (verify.js). Run: npm run consumer (writes ./pacts).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { PactV3, MatchersV3: m, SpecificationVersion } = require('@pact-foundation/pact');

// The fixture values of docs/6 ("Credentials a pact may carry"): test values, never real ones.
const ORG_ID = '4888442a3354817a7320eb61';
const CLIENT_ID = 'mdb_sa_id_1234567890abcdef12345678';
const CLIENT_SECRET = 'mdb_sa_sk_FAKE';
const ACCESS_TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJleGFtcGxlIn0.fake';
const API_PUBLIC_KEY = 'pactfake';
const API_PRIVATE_KEY = 'pact-fixture-private-key';
const DIGEST_NONCE = 'pact-fixture-nonce-0001';

const ATLAS = 'application/vnd.atlas.2024-08-05+json';
const ATLAS_KEYS = 'application/vnd.atlas.2023-01-01+json';
const OBJECT_ID = '^[0-9a-f]{24}$';
const UTC = "yyyy-MM-dd'T'HH:mm:ss'Z'";

const provider = () => new PactV3({
  consumer: 'pact-js-example',
  provider: 'atlas-emulator',
  dir: path.resolve(__dirname, 'pacts'),
  logLevel: 'warn',
  // V4 keeps the form body of the token request as written (a V3 file holds it as a JSON value).
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
});

// --- the consumer's own code: a few lines of fetch, as a team would write them ----------------------

async function requestToken(base) {
  const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
  const answer = await fetch(`${base}/api/oauth/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return { status: answer.status, body: await answer.json() };
}

async function createSecret(base, hours) {
  const answer = await fetch(`${base}/api/atlas/v2/orgs/${ORG_ID}/serviceAccounts/${CLIENT_ID}/secrets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ACCESS_TOKEN}`, 'Content-Type': ATLAS, Accept: ATLAS },
    body: JSON.stringify({ secretExpiresAfterHours: hours }),
  });
  return { status: answer.status, body: await answer.json() };
}

async function listApiKeys(base) {
  const answer = await fetch(`${base}/api/atlas/v2/orgs/${ORG_ID}/apiKeys`, {
    headers: { Authorization: `Bearer ${ACCESS_TOKEN}`, Accept: ATLAS_KEYS },
  });
  return { status: answer.status, body: await answer.json() };
}

const md5 = (text) => crypto.createHash('md5').update(text).digest('hex');

/** RFC 7616 Digest (MD5, qop=auth): the request without credentials, then the answer to its challenge. */
async function createCloudManagerApiKey(base, desc, roles) {
  const uri = `/api/public/v1.0/orgs/${ORG_ID}/apiKeys`;
  const send = (authorization) => fetch(`${base}${uri}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json',
      ...(authorization ? { Authorization: authorization } : {}) },
    body: JSON.stringify({ desc, roles }),
  });
  const challenge = await send();
  if (challenge.status !== 401) {
    return { status: challenge.status, body: await challenge.json() };
  }
  const params = Object.fromEntries([...challenge.headers.get('www-authenticate')
    .matchAll(/(\w+)="?([^",]*)"?/g)].map(([, k, v]) => [k, v]));
  const nc = '00000001';
  const cnonce = '0a4f113b';
  const ha1 = md5(`${API_PUBLIC_KEY}:${params.realm}:${API_PRIVATE_KEY}`);
  const response = md5(`${ha1}:${params.nonce}:${nc}:${cnonce}:auth:${md5(`POST:${uri}`)}`);
  const answer = await send(`Digest username="${API_PUBLIC_KEY}", realm="${params.realm}", nonce="${params.nonce}", `
    + `uri="${uri}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}"`);
  return { status: answer.status, body: await answer.json() };
}

// --- the pact ---------------------------------------------------------------------------------------

test('a token for the service account (client credentials)', () => provider()
  .given('the service account has a valid secret')
  .uponReceiving('a token request with the client secret')
  .withRequest({
    method: 'POST',
    path: '/api/oauth/token',
    headers: {
      Authorization: m.regex('^Basic [A-Za-z0-9+/]+=*$',
        `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`),
      'Content-Type': m.regex('^application/x-www-form-urlencoded(;.*)?$', 'application/x-www-form-urlencoded'),
    },
    body: 'grant_type=client_credentials',
  })
  .willRespondWith({
    status: 200,
    headers: { 'Content-Type': m.regex('^application/json(;.*)?$', 'application/json') },
    body: { access_token: m.string(ACCESS_TOKEN), expires_in: m.integer(3600), token_type: 'Bearer' },
  })
  .executeTest(async (server) => {
    const { status, body } = await requestToken(server.url);
    assert.equal(status, 200);
    assert.equal(body.token_type, 'Bearer');
  }));

test('an Atlas service-account secret, with the bearer token', () => provider()
  .given('a service account with secrets', { secrets: 0 })
  .uponReceiving('a secret of 24 hours for the service account')
  .withRequest({
    method: 'POST',
    path: `/api/atlas/v2/orgs/${ORG_ID}/serviceAccounts/${CLIENT_ID}/secrets`,
    headers: { Authorization: m.regex('^Bearer [A-Za-z0-9._~+/-]+=*$', `Bearer ${ACCESS_TOKEN}`),
      'Content-Type': ATLAS, Accept: ATLAS },
    body: { secretExpiresAfterHours: m.integer(24) },
  })
  .willRespondWith({
    status: 201,
    headers: { 'Content-Type': ATLAS },
    body: {
      id: m.regex(OBJECT_ID, '66b544825867ba071c85469d'),
      secret: m.regex('^mdb_sa_sk_[A-Za-z0-9_-]+$', 'mdb_sa_sk_FAKE'),
      maskedSecretValue: m.regex('^mdb_sa_sk_\\.\\.\\.[A-Za-z0-9_-]{4}$', 'mdb_sa_sk_...FAKE'),
      createdAt: m.datetime(UTC, '2024-08-05T10:00:00Z'),
      expiresAt: m.datetime(UTC, '2024-08-06T10:00:00Z'),
    },
  })
  .executeTest(async (server) => {
    const { status, body } = await createSecret(server.url, 24);
    assert.equal(status, 201);
    assert.match(body.secret, /^mdb_sa_sk_/);
  }));

test('a Cloud Manager API key, with HTTP Digest', () => {
  const uri = `/api/public/v1.0/orgs/${ORG_ID}/apiKeys`;
  const request = (headers) => ({
    method: 'POST',
    path: uri,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: { desc: 'Team key', roles: ['ORG_MEMBER'] },
  });
  const ha1 = md5(`${API_PUBLIC_KEY}:MMS Public API:${API_PRIVATE_KEY}`);
  const answer = md5(`${ha1}:${DIGEST_NONCE}:00000001:0a4f113b:auth:${md5(`POST:${uri}`)}`);
  // The answer first: the mock server serves the first interaction that matches, and the challenge's
  // request (which names no Authorization) matches the answer's request too.
  return provider()
    .given('an API key caller with roles', { roles: 'ORG_OWNER' })
    .uponReceiving('an API key, answering the Digest challenge')
    .withRequest(request({
      Authorization: m.regex(`^Digest username="${API_PUBLIC_KEY}", .*response="[0-9a-f]{32}".*$`,
        `Digest username="${API_PUBLIC_KEY}", realm="MMS Public API", nonce="${DIGEST_NONCE}", uri="${uri}", `
        + `algorithm=MD5, qop=auth, nc=00000001, cnonce="0a4f113b", response="${answer}"`),
    }))
    .willRespondWith({
      status: 200,
      headers: { 'Content-Type': m.regex('^application/json(;.*)?$', 'application/json') },
      body: {
        id: m.regex(OBJECT_ID, '5d1113b25a115342acc2d1aa'),
        desc: 'Team key',
        publicKey: m.regex('^[a-z]{8}$', 'zmmrboas'),
        privateKey: m.uuid('0f6b8c1e-2d3a-4b5c-9e7f-db2c132ca78d'),
        roles: m.eachLike({ orgId: ORG_ID, roleName: 'ORG_MEMBER' }),
      },
    })
    .given('an API key caller with roles', { roles: 'ORG_OWNER' })
    .uponReceiving('an API key without credentials: the Digest challenge')
    .withRequest(request({}))
    .willRespondWith({
      status: 401,
      headers: {
        'WWW-Authenticate': m.regex('^Digest realm="MMS Public API".*nonce="[^"]+".*$',
          `Digest realm="MMS Public API", domain="", nonce="${DIGEST_NONCE}", algorithm=MD5, qop="auth", stale=false`),
      },
      body: { error: 401, errorCode: 'USER_UNAUTHORIZED', detail: m.string('Current user is not authorized.') },
    })
    .executeTest(async (server) => {
      const { status, body } = await createCloudManagerApiKey(server.url, 'Team key', ['ORG_MEMBER']);
      assert.equal(status, 200);
      assert.match(body.privateKey, /^[0-9a-f-]{36}$/);
    });
});

test('the API keys of the organization, under version 2023-01-01', () => provider()
  .given('the organization has the example API key', { desc: 'Team key', roles: 'ORG_MEMBER' })
  .uponReceiving('the list of API keys (version 2023-01-01)')
  .withRequest({
    method: 'GET',
    path: `/api/atlas/v2/orgs/${ORG_ID}/apiKeys`,
    headers: { Authorization: m.regex('^Bearer [A-Za-z0-9._~+/-]+=*$', `Bearer ${ACCESS_TOKEN}`), Accept: ATLAS_KEYS },
  })
  .willRespondWith({
    status: 200,
    headers: { 'Content-Type': ATLAS_KEYS },
    body: {
      results: m.eachLike({
        id: m.regex(OBJECT_ID, '5d1113b25a115342acc2d1aa'),
        desc: m.string('Team key'),
        publicKey: m.regex('^[a-z]{8}$', 'zmmrboas'),
        privateKey: m.regex('^\\*{8}-\\*{4}-\\*{4}-[0-9a-f]{12}$', '********-****-****-db2c132ca78d'),
        roles: m.eachLike({ orgId: m.regex(OBJECT_ID, ORG_ID), roleName: m.string('ORG_MEMBER') }),
      }),
    },
  })
  .executeTest(async (server) => {
    const { status, body } = await listApiKeys(server.url);
    assert.equal(status, 200);
    assert.ok(body.results.length >= 1);
    assert.match(body.results[0].privateKey, /^\*{8}-/);
  }));

test('a documented 400: the service account already has its two secrets', () => provider()
  .given('a service account with secrets', { secrets: 2 })
  .uponReceiving('a third secret for the service account')
  .withRequest({
    method: 'POST',
    path: `/api/atlas/v2/orgs/${ORG_ID}/serviceAccounts/${CLIENT_ID}/secrets`,
    headers: { Authorization: m.regex('^Bearer [A-Za-z0-9._~+/-]+=*$', `Bearer ${ACCESS_TOKEN}`),
      'Content-Type': ATLAS, Accept: ATLAS },
    body: { secretExpiresAfterHours: 24 },
  })
  .willRespondWith({
    status: 400,
    headers: { 'Content-Type': m.regex('^application/json(;.*)?$', 'application/json') },
    body: { error: 400, errorCode: 'MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED', detail: m.string('At most 2 secrets.') },
  })
  .executeTest(async (server) => {
    const { status, body } = await createSecret(server.url, 24);
    assert.equal(status, 400);
    assert.equal(body.errorCode, 'MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED');
  }));
