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
    public static final Set<String> PROJECT_ROLES = Set.of(
            "GROUP_OWNER",
            "GROUP_READ_ONLY",
            "GROUP_DATA_ACCESS_ADMIN",
            "GROUP_DATA_ACCESS_READ_WRITE",
            "GROUP_DATA_ACCESS_READ_ONLY",
            "GROUP_CLUSTER_MANAGER",
            "GROUP_PROJECT_OPTIONS_ADMIN",
            "GROUP_SEARCH_INDEX_EDITOR",
            "GROUP_STREAM_PROCESSING_OWNER");

    /** The least roles an operation may require ({@code x-required-role} in the spec). */
    public static final String ORG_READ_ONLY = "ORG_READ_ONLY";

    public static final String ORG_MEMBER = "ORG_MEMBER";
    public static final String GROUP_READ_ONLY = "GROUP_READ_ONLY";

    /**
     * Whether a caller with these roles holds the required role or one that includes it: Organization Owner
     * includes every role; Organization Read Only includes Project Read Only; every organization role includes
     * Organization Member; every project role includes Project Read Only.
     */
    public static boolean satisfies(String required, Set<String> orgRoles, Set<String> projectRoles) {
        if (orgRoles.contains(ORG_OWNER)) {
            return true;
        }
        return switch (required) {
            case ORG_OWNER -> false;
            case ORG_READ_ONLY -> orgRoles.contains(ORG_READ_ONLY);
            case ORG_MEMBER -> orgRoles.stream().anyMatch(ORG_ROLES::contains);
            case GROUP_OWNER -> projectRoles.contains(GROUP_OWNER);
            case GROUP_READ_ONLY ->
                orgRoles.contains(ORG_READ_ONLY) || projectRoles.stream().anyMatch(PROJECT_ROLES::contains);
            default -> throw new IllegalStateException("unknown x-required-role " + required);
        };
    }

    private Roles() {}
}
