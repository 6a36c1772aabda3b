package io.github.atlascredentials.bench;

import io.github.atlascredentials.spec.rules.ApiRules;

/**
 * The Atlas secret creation the benchmarks send by hand (without the client): its media type comes from the
 * spec's rule table, so a new version date reaches every benchmark without an edit.
 */
public final class SecretCreation {
    /** The newest versioned media type of {@code createOrgServiceAccountSecret}. */
    public static final String MEDIA_TYPE = "application/vnd.atlas."
            + ApiRules.builtIn()
                    .requireOperation("createOrgServiceAccountSecret")
                    .latestVersion()
                    .orElseThrow()
            + "+json";
    /** The validity the benchmarks ask for: a day, within the spec's bounds and any organization's maximum. */
    public static final int HOURS = 24;
    /** The request body asking for {@link #HOURS}. */
    public static final String BODY = "{\"secretExpiresAfterHours\":" + HOURS + "}";

    private SecretCreation() {}
}
