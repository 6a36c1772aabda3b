package io.github.atlascredentials.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.emulator.seed.SeedDocument;
import io.github.atlascredentials.emulator.seed.SeedException;
import io.github.atlascredentials.emulator.seed.SeedParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad seed stops start-up with a message naming the file, the JSON path and the problem. */
class SeedParserTest {
    private static final String ORG = "4888442a3354817a7320eb61";
    private static final String PROJECT = "32b6e34b3d91647abb20e7b8";
    private static final String CLIENT = "mdb_sa_id_6a1b2c3d4e5f60718293a4b5";
    private static final String SECRET = "mdb_sa_sk_" + "a".repeat(40);

    /** A valid document; each case below breaks one thing with a text replacement. */
    private static final String GOOD = """
            {"organizations": [{
              "id": "%s", "name": "Seed test", "maxServiceAccountSecretValidityInHours": 720,
              "projects": [{"id": "%s", "name": "P"}],
              "serviceAccounts": [{"clientId": "%s", "name": "sa", "roles": ["ORG_OWNER"],
                 "projectRoles": {"%s": ["GROUP_OWNER"]},
                 "secrets": [{"secret": "%s", "expiresAt": "2030-01-01T00:00:00Z"}]}],
              "apiKeys": [{"publicKey": "abcdefgh", "privateKey": "0f6b8c1e-2d3a-4b5c-9e7f-db2c132ca78d",
                 "desc": "k", "roles": ["ORG_OWNER"]}]}]}
            """.formatted(ORG, PROJECT, CLIENT, PROJECT, SECRET);

    @Test
    void validDocumentIsRead() {
        SeedDocument doc = SeedParser.parse("good.json", GOOD.getBytes(StandardCharsets.UTF_8));
        SeedDocument.Organization org = doc.organizations().get(0);
        assertThat(org.maxServiceAccountSecretValidityInHours()).isEqualTo(720);
        assertThat(org.serviceAccounts().get(0).projectRoles()).containsKey(PROJECT);
        assertThat(org.apiKeys().get(0).toString()).doesNotContain("0f6b8c1e");
        assertThat(org.serviceAccounts().get(0).secrets().get(0).toString()).doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            "id": "4888442a3354817a7320eb61"   | "id": "4888442A3354817A7320EB6"      | $.organizations[0].id                                 | bad id pattern: must be 24 lowercase hexadecimal characters
            "clientId": "mdb_sa_id_6a1b2c3d4e5f60718293a4b5", | ''                           | $.organizations[0].serviceAccounts[0].clientId        | missing field: is required
            "maxServiceAccountSecretValidityInHours": 720 | "maxServiceAccountSecretValidityInHours": "720" | $.organizations[0].maxServiceAccountSecretValidityInHours | wrong type: must be a whole number
            "roles": ["ORG_OWNER"],            | "roles": "ORG_OWNER",                  | $.organizations[0].serviceAccounts[0].roles           | wrong type: must be an array of role names
            "projectRoles": {"32b6e34b3d91647abb20e7b8" | "projectRoles": {"aaaaaaaaaaaaaaaaaaaaaaaa" | $.organizations[0].serviceAccounts[0].projectRoles.aaaaaaaaaaaaaaaaaaaaaaaa | unknown project: is not a project of this organization
            "desc": "k",                       | "desc": "k", "owner": true,            | $.organizations[0].apiKeys[0].owner                   | unknown field: unknown field
            "expiresAt": "2030-01-01T00:00:00Z" | "expiresAt": "next year"              | $.organizations[0].serviceAccounts[0].secrets[0].expiresAt | bad timestamp: must be an ISO 8601 UTC timestamp
            ["GROUP_OWNER"]                    | ["ORG_OWNER"]                          | $.organizations[0].serviceAccounts[0].projectRoles.32b6e34b3d91647abb20e7b8[0] | bad role: must be a project role
            "publicKey": "abcdefgh"            | "publicKey": "ABCDEFGH"                | $.organizations[0].apiKeys[0].publicKey               | bad public key: must match ^[a-z]{8}$
            "name": "P"}]                      | "name": "P"}, {"id": "32b6e34b3d91647abb20e7b8"}] | $.organizations[0].projects[1].id              | duplicate project: duplicate project id
            "name": "Seed test",               | "name": "Seed test", "owner": 1,       | $.organizations[0].owner                              | unknown organization field: unknown field
            "name": "P"}]                      | "name": "P", "owner": 1}]              | $.organizations[0].projects[0].owner                  | unknown project field: unknown field
            "name": "sa",                      | "name": "sa", "owner": 1,              | $.organizations[0].serviceAccounts[0].owner           | unknown account field: unknown field
            "expiresAt": "2030-01-01T00:00:00Z" | "expiresAt": "2030-01-01T00:00:00Z", "owner": 1 | $.organizations[0].serviceAccounts[0].secrets[0].owner | unknown secret field: unknown field
            "projects": [{"id"                 | "projects": ["x", {"id"                | $.organizations[0].projects[0]                        | project not an object: must be an object
            "secrets": [{                      | "secrets": ["x", {                     | $.organizations[0].serviceAccounts[0].secrets[0]      | secret not an object: must be an object
            """)
    void badDocumentNamesFilePathAndProblem(String good, String bad, String jsonPath, String caseAndProblem) {
        String json = GOOD.replace(good, bad);
        assertThat(json).as("the case must change the document").isNotEqualTo(GOOD);
        String problem = caseAndProblem.substring(caseAndProblem.indexOf(": ") + 2);
        assertThatThrownBy(() -> SeedParser.parse("my-seed.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SeedException.class, e -> {
                    assertThat(e.source()).isEqualTo("my-seed.json");
                    assertThat(e.jsonPath()).isEqualTo(jsonPath);
                    assertThat(e.problem()).startsWith(problem);
                    assertThat(e.getMessage()).isEqualTo("my-seed.json: " + jsonPath + ": " + e.problem());
                });
    }

    @Test
    void limitsAreInclusiveAndNullNamesFallBackToTheirDefaults() {
        int min = SpecFacts.MIN_SECRET_HOURS;
        int max = SpecFacts.MAX_SECRET_HOURS;
        String longest = "d".repeat(SpecFacts.API_KEY_DESC.maxLength());
        for (int hours : new int[] {min, max}) {
            String json = GOOD.replace("720", Integer.toString(hours))
                    .replace("\"desc\": \"k\"", "\"desc\": \"" + longest + "\"")
                    .replace("\"name\": \"P\"", "\"name\": null");
            SeedDocument.Organization org = SeedParser.parse("edge.json", json.getBytes(StandardCharsets.UTF_8))
                    .organizations()
                    .get(0);
            assertThat(org.maxServiceAccountSecretValidityInHours()).isEqualTo(hours);
            assertThat(org.apiKeys().get(0).desc()).isEqualTo(longest);
            assertThat(org.projects().get(0).name()).isEqualTo("Project " + PROJECT);
        }
        for (int hours : new int[] {min - 1, max + 1}) {
            String json = GOOD.replace("720", Integer.toString(hours));
            assertThatThrownBy(() -> SeedParser.parse("edge.json", json.getBytes(StandardCharsets.UTF_8)))
                    .hasMessage("edge.json: $.organizations[0].maxServiceAccountSecretValidityInHours: must be between "
                            + min + " and " + max);
        }
        String tooLong = GOOD.replace("\"desc\": \"k\"", "\"desc\": \"" + longest + "d\"");
        assertThatThrownBy(() -> SeedParser.parse("edge.json", tooLong.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("edge.json: $.organizations[0].apiKeys[0].desc: must be ");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String json = GOOD.replace("\"name\": \"Seed test\",", "\"name\": \"Seed test\",,");
        assertThatThrownBy(() -> SeedParser.parse("my-seed.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SeedException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$");
                    assertThat(e.problem()).startsWith("not well-formed JSON at line 2, column ");
                });
    }

    @Test
    void duplicateKeysAndEmptyDocumentsAreRefused() {
        assertThatThrownBy(
                        () -> SeedParser.parse("d.json", "{\"organizations\": [], \"organizations\": []}".getBytes()))
                .hasMessageContaining("d.json: $: not well-formed JSON")
                .hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> SeedParser.parse("e.json", new byte[0]))
                .hasMessage("e.json: $: the document is empty");
        assertThatThrownBy(() -> SeedParser.parse("a.json", "[]".getBytes()))
                .hasMessage("a.json: $: must be an object");
        assertThatThrownBy(() -> SeedParser.parse("m.json", "{}".getBytes()))
                .hasMessage("m.json: $.organizations: is required");
    }

    @Test
    void secretsNeverAppearInMessages() {
        String json = GOOD.replace("\"expiresAt\": \"2030-01-01T00:00:00Z\"", "\"expiresAt\": 5");
        assertThatThrownBy(() -> SeedParser.parse("s.json", json.getBytes(StandardCharsets.UTF_8)))
                .hasMessageNotContaining(SECRET)
                .hasMessageContaining("secrets[0].expiresAt");
    }

    @Test
    void commandLineStopsOnABadSeedFileNamingFilePathAndProblem(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("bad-seed.json");
        Files.writeString(seed, GOOD.replace("\"4888442a3354817a7320eb61\"", "\"not-an-id\""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EmulatorMain.run(
                new String[] {"--port", "0", "--seed", seed.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Listening on");
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("Error: bad seed file " + seed
                        + ": $.organizations[0].id: must be 24 lowercase hexadecimal characters");
    }

    @Test
    void commandLineStopsOnAMissingSeedFile(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("absent.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EmulatorMain.run(
                new String[] {"--port", "0", "--seed", seed.toString()},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(seed + ": $: cannot read the file");
    }
}
