package io.github.atlascredentials.client.auth;

/**
 * How the client authenticates: one small immutable type per scheme, each masking its own
 * {@code toString()}.
 */
public sealed interface Credential permits ServiceAccountCredential, ApiKeyCredential, BearerTokenCredential {}
