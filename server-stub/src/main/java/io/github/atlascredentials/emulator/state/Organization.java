package io.github.atlascredentials.emulator.state;

/** An organization and its one setting that matters here. */
public record Organization(String id, String name, int maxServiceAccountSecretValidityInHours) {}
