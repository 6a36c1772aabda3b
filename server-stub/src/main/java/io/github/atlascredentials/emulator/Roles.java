package io.github.atlascredentials.emulator;

import java.util.List;
import java.util.Set;

/** The role names the emulator knows. */
public final class Roles {
    public static final String ORG_OWNER = "ORG_OWNER";
    public static final String GROUP_OWNER = "GROUP_OWNER";

    /** Organization roles, in the spec's order. */
    public static final List<String> ORG_ROLES = SpecFacts.ORG_ROLES;

    /** Project roles a service account may hold on a project. */
    public static final Set<String> PROJECT_ROLES = Set.of("GROUP_OWNER", "GROUP_READ_ONLY", "GROUP_DATA_ACCESS_ADMIN",
            "GROUP_DATA_ACCESS_READ_WRITE", "GROUP_DATA_ACCESS_READ_ONLY", "GROUP_CLUSTER_MANAGER",
            "GROUP_PROJECT_OPTIONS_ADMIN", "GROUP_SEARCH_INDEX_EDITOR", "GROUP_STREAM_PROCESSING_OWNER");

    private Roles() {
    }
}
