package io.github.atlascredentials.spec.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The declarations of the project's spec are well-formed in every build, also where the official spec
 * is not at hand (whether each one still matches a difference needs the official spec: -Dofficial.spec).
 */
class SpecDeclarationsTest {

    @Test
    void everyDeclarationOfOurSpecMapsItemsToReasons() {
        Path spec = Path.of(System.getProperty("spec.file", "openapi.yaml"));

        Declarations declarations = Declarations.of(SpecSlices.read(spec));

        assertThat(declarations.invalid()).isEmpty();
    }
}
