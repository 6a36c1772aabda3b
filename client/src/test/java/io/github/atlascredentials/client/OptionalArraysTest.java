package io.github.atlascredentials.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atlascredentials.client.generated.invoker.JSON;
import io.github.atlascredentials.client.generated.model.ApiKeyUpdateRequest;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.PaginatedApiKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An optional array the JSON leaves out is absent (null) in the generated models, not an empty list
 * ({@code containerDefaultToNull}): a request sends no array it was not given (an update that sends no roles
 * keeps them), and an answer without {@code links} is told apart from one with none.
 */
class OptionalArraysTest {
    private static final ObjectMapper MAPPER = new JSON().getMapper();

    @Test
    void anUnsetOptionalArrayIsNotSent() throws Exception {
        assertThat(new ApiKeyUpdateRequest().desc("renamed").getRoles()).isNull();
        assertThat(MAPPER.writeValueAsString(new ApiKeyUpdateRequest().desc("renamed")))
                .isEqualTo("{\"desc\":\"renamed\"}");
        assertThat(MAPPER.writeValueAsString(new ApiKeyUpdateRequest().roles(List.of(OrgRoleName.ORG_MEMBER))))
                .isEqualTo("{\"roles\":[\"ORG_MEMBER\"]}");
    }

    @Test
    void anAbsentOptionalArrayReadsAsNullAndAnEmptyOneAsEmpty() throws Exception {
        assertThat(MAPPER.readValue("{\"results\":[],\"totalCount\":0}", PaginatedApiKeys.class)
                        .getLinks())
                .isNull();
        assertThat(MAPPER.readValue("{\"results\":[],\"links\":[],\"totalCount\":0}", PaginatedApiKeys.class)
                        .getLinks())
                .isEmpty();
    }
}
