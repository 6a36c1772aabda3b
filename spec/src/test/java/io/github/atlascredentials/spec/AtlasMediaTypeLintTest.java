package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Atlas v2 success bodies (and request bodies) offer application/vnd.atlas.2024-08-05+json. */
class AtlasMediaTypeLintTest {

    @Test
    void theVersionedMediaTypeFollowsInfoVersion() {
        assertThat(SpecLint.atlasMediaType(SpecDocument.loadMain())).isEqualTo("application/vnd.atlas.2024-08-05+json");
    }

    @Test
    void atlasBodiesOfferTheVersionedMediaType() {
        assertThat(SpecLint.atlasVersionedMediaType(SpecDocument.loadMain())).isEmpty();
    }

    @Test
    void firesOnAnAtlasSuccessResponseInPlainJson() {
        SpecDocument spec = SpecDocument.loadMain();
        ObjectNode content = spec.root().withObject("/components/responses/AtlasServiceAccountSecretCreated/content");
        content.set("application/json", content.remove("application/vnd.atlas.2024-08-05+json"));

        assertThat(SpecLint.atlasVersionedMediaType(spec))
                .hasSize(2)
                .allSatisfy(violation -> assertThat(violation)
                        .contains("response 201 does not offer application/vnd.atlas.2024-08-05+json"));
    }

    @Test
    void firesOnAnAtlasRequestBodyWithoutTheVersionedMediaType() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root()
                .withObject("/components/requestBodies/AtlasServiceAccountSecretRequest/content")
                .remove("application/vnd.atlas.2024-08-05+json");

        assertThat(SpecLint.atlasVersionedMediaType(spec))
                .hasSize(2)
                .allSatisfy(violation -> assertThat(violation).contains("request body does not offer"));
    }
}
