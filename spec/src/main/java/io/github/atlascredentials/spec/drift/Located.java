package io.github.atlascredentials.spec.drift;

/** A part of a parsed spec, with the pointer of the node it was read from (after following any $ref). */
record Located<T>(T value, String pointer) {}
