package io.github.atlascredentials.emulator.resources;

import io.github.atlascredentials.emulator.generated.model.GroupServiceAccount;
import io.github.atlascredentials.emulator.generated.model.ServiceAccount;
import io.github.atlascredentials.emulator.generated.model.ServiceAccountSecret;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A service account as the spec's answers show it (its own file: the generated {@code ServiceAccount} model
 * and the stored account share a simple name). Roles sorted; secrets as read back, masked.
 */
record AccountView(
        String clientId,
        String name,
        String description,
        OffsetDateTime createdAt,
        List<String> roles,
        List<ServiceAccountSecret> secrets) {

    /** The organization's view (the organization and Cloud Manager operations). */
    ServiceAccount organization() {
        return new ServiceAccount()
                .clientId(clientId)
                .name(name)
                .description(description)
                .createdAt(createdAt)
                .roles(roles)
                .secrets(secrets);
    }

    /** A project's view: the roles are the account's roles in that project. */
    GroupServiceAccount group() {
        return new GroupServiceAccount()
                .clientId(clientId)
                .name(name)
                .description(description)
                .createdAt(createdAt)
                .roles(roles)
                .secrets(secrets);
    }
}
