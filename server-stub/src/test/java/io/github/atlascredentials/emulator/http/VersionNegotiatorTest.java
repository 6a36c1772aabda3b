package io.github.atlascredentials.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which version a header names, in every form the service accepts. */
class VersionNegotiatorTest {
    private static final List<String> VERSIONS = List.of("2023-01-01", "2024-08-05");

    @Test
    void oneVersionedType() {
        assertThat(VersionNegotiator.versionIn("application/vnd.atlas.2024-08-05+json"))
                .contains("2024-08-05");
    }

    @Test
    void aListNamesItsFirstVersionedType() {
        assertThat(VersionNegotiator.versionIn(
                        "application/vnd.atlas.2024-08-05+json, application/vnd.atlas.2023-01-01+json"))
                .contains("2024-08-05");
        assertThat(VersionNegotiator.versionIn("application/json, application/vnd.atlas.2023-01-01+json"))
                .contains("2023-01-01");
    }

    @Test
    void parametersCaseAndSpacesAroundTheTypeAreAllowed() {
        assertThat(VersionNegotiator.versionIn("application/vnd.atlas.2024-08-05+json;charset=utf-8"))
                .contains("2024-08-05");
        assertThat(VersionNegotiator.versionIn("APPLICATION/VND.ATLAS.2024-08-05+JSON"))
                .contains("2024-08-05");
        assertThat(VersionNegotiator.versionIn(" application/vnd.atlas.2024-08-05+json "))
                .contains("2024-08-05");
    }

    @Test
    void noVersionedType() {
        assertThat(VersionNegotiator.versionIn(null)).isEmpty();
        assertThat(VersionNegotiator.versionIn("application/json")).isEmpty();
        assertThat(VersionNegotiator.versionIn("application/vnd.atlas.2024 08 05+json"))
                .isEmpty();
        assertThat(VersionNegotiator.versionIn("application/vnd.atlas.+json")).contains("");
    }

    @Test
    void whichContentTypesAreVersioned() {
        assertThat(VersionNegotiator.isVersioned("application/vnd.atlas.2023-01-01+json"))
                .isTrue();
        assertThat(VersionNegotiator.isVersioned("Application/Vnd.Atlas.2099-12-31+JSON"))
                .isTrue();
        assertThat(VersionNegotiator.isVersioned("application/json")).isFalse();
        assertThat(VersionNegotiator.isVersioned("application/vnd.atlas.2023-01-01+json; charset=utf-8"))
                .isFalse();
    }

    @Test
    void aDateMustBeOneOfTheOperationsVersions() {
        assertThat(VersionNegotiator.negotiate(VERSIONS, "application/vnd.atlas.2024-08-05+json", null))
                .isEqualTo("application/vnd.atlas.2024-08-05+json");
        assertThat(VersionNegotiator.negotiate(VERSIONS, "application/vnd.atlas.2023-01-01+json", null))
                .isEqualTo("application/vnd.atlas.2023-01-01+json");
    }

    @Test
    void aDateBetweenOrAfterTheVersionsIsNotAcceptable() {
        // A version that does not exist for the resource is 406: no fallback to an older version.
        for (String accept : new String[] {
            "application/vnd.atlas.2025-03-12+json",
            "application/vnd.atlas.2025-02-01+json",
            "application/vnd.atlas.2024-08-04+json"
        }) {
            assertThatThrownBy(() -> VersionNegotiator.negotiate(VERSIONS, accept, null))
                    .isInstanceOfSatisfying(
                            ApiProblem.class, p -> assertThat(p.status()).isEqualTo(406));
        }
    }

    @Test
    void theContentTypeNamesTheVersionWhenAcceptDoesNot() {
        assertThat(VersionNegotiator.negotiate(VERSIONS, "application/json", "application/vnd.atlas.2023-01-01+json"))
                .isEqualTo("application/vnd.atlas.2023-01-01+json");
    }

    @Test
    void noVersionOrOneBeforeTheFirstIsNotAcceptable() {
        for (String accept : new String[] {
            "application/json",
            "application/vnd.atlas.2022-12-31+json",
            "application/vnd.atlas.2024-13-45+json",
            "application/vnd.atlas.+json"
        }) {
            assertThatThrownBy(() -> VersionNegotiator.negotiate(VERSIONS, accept, null))
                    .isInstanceOfSatisfying(
                            ApiProblem.class, p -> assertThat(p.status()).isEqualTo(406));
        }
    }
}
