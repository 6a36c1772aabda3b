package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** secret, privateKey and access_token are readOnly with format password, so generated code masks them. */
class SecretPropertiesLintTest {

    @Test
    void secretPropertiesAreReadOnlyPasswords() {
        Set<String> seen = new HashSet<>();

        assertThat(SpecLint.secretProperties(SpecDocument.loadMain(), seen)).isEmpty();
        assertThat(seen)
                .as("secret properties found in the spec")
                .containsExactlyInAnyOrderElementsOf(SpecLint.SECRET_PROPERTIES);
    }

    @Test
    void firesWhenASecretLosesFormatPassword() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root()
                .withObject("/components/schemas/ApiKey/properties/privateKey")
                .remove("format");

        assertThat(SpecLint.secretProperties(spec, new HashSet<>()))
                .containsExactly("#/components/schemas/ApiKey/properties/privateKey does not have format: password");
    }

    @Test
    void firesOnASecretInAnInlineSchemaThatIsNotReadOnly() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root()
                .withObject("/components/schemas/TokenResponse/properties/access_token")
                .remove("readOnly");

        assertThat(SpecLint.secretProperties(spec, new HashSet<>()))
                .containsExactly("#/components/schemas/TokenResponse/properties/access_token is not readOnly");
    }
}
