package io.github.atlascredentials.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.emulator.generated.model.Link;
import io.github.atlascredentials.emulator.generated.model.PaginatedServiceAccounts;
import io.github.atlascredentials.emulator.generated.model.ServiceAccount;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers built from the generated models keep the spec's property order, byte for byte as the hand-built trees did. */
class SpecPropertyOrderTest {
    @Test
    void aPageAndItsAccountsAreWrittenInTheSpecsOrderNotRequiredPropertiesFirst() throws Exception {
        PaginatedServiceAccounts page = new PaginatedServiceAccounts()
                .links(List.of(new Link()
                        .href(URI.create("http://h/p?pageNum=1&itemsPerPage=1"))
                        .rel("self")))
                .results(List.of(new ServiceAccount()
                        .clientId("c")
                        .name("n")
                        .description("d")
                        .roles(List.of("ORG_MEMBER"))
                        .secrets(List.of())))
                .totalCount(1);
        assertThat(Json.MAPPER.writeValueAsString(page))
                .isEqualTo("{\"links\":[{\"href\":\"http://h/p?pageNum=1&itemsPerPage=1\",\"rel\":\"self\"}],"
                        + "\"results\":[{\"clientId\":\"c\",\"name\":\"n\",\"description\":\"d\",\"roles\":[\"ORG_MEMBER\"],"
                        + "\"secrets\":[]}],\"totalCount\":1}");
    }
}
