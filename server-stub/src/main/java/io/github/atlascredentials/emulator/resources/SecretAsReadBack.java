package io.github.atlascredentials.emulator.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.atlascredentials.emulator.generated.model.ServiceAccountSecret;
import java.time.OffsetDateTime;

/**
 * A secret in the Atlas shape: {@code lastUsedAt} is written even when null (never used yet), as the
 * real service answers; every other absent field is left out, as everywhere else. The generated model
 * keeps its fields and names; only the inclusion of this one property differs.
 */
final class SecretAsReadBack extends ServiceAccountSecret {
    @Override
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public OffsetDateTime getLastUsedAt() {
        return super.getLastUsedAt();
    }
}
