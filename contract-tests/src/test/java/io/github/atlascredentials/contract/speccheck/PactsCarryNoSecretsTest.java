package io.github.atlascredentials.contract.speccheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.contract.support.Contract;
import io.github.atlascredentials.contract.support.PactFiles;
import io.github.atlascredentials.contract.support.SecretScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No real credential enters a pact file; the scanner itself is shown to catch each kind. */
class PactsCarryNoSecretsTest {

    @Test
    void writtenPactsHoldNothingShapedLikeALiveCredential() throws IOException {
        assertThat(PactFiles.all()).as("pact files in " + PactFiles.folder()).isNotEmpty();
        for (Path file : PactFiles.all()) {
            assertThat(SecretScanner.findings(Files.readString(file)))
                    .as("credentials in " + file)
                    .isEmpty();
        }
    }

    @Test
    void theFakeValuesOfTheConsumerTestsPass() {
        assertThat(SecretScanner.findings("Bearer " + Contract.FAKE_ACCESS_TOKEN + " "
                        + Contract.fakeBasic("mdb_sa_id_1234567890abcdef12345678")
                        + " mdb_sa_sk_...AOk5 ********-****-****-db2c132ca78d"))
                .isEmpty();
    }

    @Test
    void aDigestAnswerOfTheFixtureApiKeyPassesAndAnyOtherIsCaught() {
        String uri = "/api/public/v1.0/orgs/4888442a3354817a7320eb61/apiKeys";
        assertThat(SecretScanner.findings(Contract.digestAnswer("POST", uri))).isEmpty();
        // As the pact file holds it: inside a JSON string, quotes escaped.
        assertThat(SecretScanner.findings("\"Authorization\": [\""
                        + Contract.digestAnswer("POST", uri).replace("\"", "\\\"") + "\"]"))
                .isEmpty();
        String someoneElses =
                Contract.digestAnswer("POST", uri).replace("username=\"pactfake\"", "username=\"zmmrboas\"");
        assertThat(SecretScanner.findings(someoneElses)).hasSize(1);
    }

    @Test
    void theScannerCatchesEachKindOfLiveCredential() {
        String secret = "mdb_sa_sk_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5hJ7k";
        assertThat(SecretScanner.findings("{\"secret\":\"" + secret + "\"}")).hasSize(1);
        assertThat(SecretScanner.findings("{\"privateKey\":\"" + UUID.randomUUID() + "\"}"))
                .hasSize(1);
        assertThat(SecretScanner.findings(
                        "Digest username=\"zmmrboas\", realm=\"MMS Public API\", nonce=\"x\", uri=\"/\", "
                                + "response=\"0123456789abcdef0123456789abcdef\""))
                .hasSize(1);
        assertThat(SecretScanner.findings(
                        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZGJfc2FfaWQifQ.c2lnbmF0dXJlLXZhbHVl"))
                .hasSize(1);
        assertThat(SecretScanner.findings(Contract.basic("mdb_sa_id_1234567890abcdef12345678", secret)))
                .hasSize(1);
    }
}
