package io.github.atlascredentials.emulator.state;

/** A project (a "group" in the paths) of an organization. */
public record Project(String id, String orgId, String name) {}
