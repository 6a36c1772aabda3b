package io.github.atlascredentials.contract.specchange;

import static io.github.atlascredentials.contract.specchange.MutatedClient.call;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_SECRET;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_ORG_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_TARGET_CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec is the one source of truth for client and emulator alike: a set of spec edits, then the
 * project's own build (no hand edit anywhere), and both the client and the emulator built from it
 * follow every edit. One build serves all the edits.
 */
class SpecMutationTest {
    private static final String ATLAS_TYPE = "application/vnd.atlas.2024-08-05+json";
    private static final String UPPERCASE_CLIENT_ID = "mdb_sa_id_1234567890ABCDEF12345678";
    private static final List<SpecMutation> MUTATIONS = List.of(
            new SpecMutation(
                    "tighten a bound",
                    "          minimum: 8\n          maximum: 8760\n",
                    "          minimum: 8\n          maximum: 4000\n"),
            new SpecMutation(
                    "loosen a bound",
                    "          maxLength: 250\n          description: Description of the API key, 1 to 250",
                    "          maxLength: 300\n          description: Description of the API key, 1 to 250"),
            new SpecMutation(
                    "change a path-parameter pattern",
                    "        pattern: '^mdb_sa_id_[a-fA-F\\d]{24}$'\n        minLength: 34",
                    "        pattern: '^mdb_sa_id_[a-f\\d]{24}$'\n        minLength: 34"),
            new SpecMutation(
                    "add an optional request property with its own rule",
                    "            outside them is refused with 400 `VALIDATION_ERROR`.\n",
                    "            outside them is refused with 400 `VALIDATION_ERROR`.\n"
                            + "        label:\n"
                            + "          type: string\n"
                            + "          maxLength: 12\n"
                            + "          description: A label for the new secret (a mutation of the spec under test).\n"),
            new SpecMutation(
                    "add an enum value",
                    "        - ORG_BILLING_READ_ONLY\n",
                    "        - ORG_BILLING_READ_ONLY\n        - ORG_MUTATION_PROBE\n"),
            new SpecMutation(
                    "list only the versioned type for a request body",
                    "        application/json:\n"
                            + "          x-official-difference:\n"
                            + "            'not-in-official': 'the service accepts a plain application/json request body as well"
                            + " as the versioned type (Versioning in the description)'\n"
                            + "          schema:\n"
                            + "            $ref: '#/components/schemas/ServiceAccountSecretRequest'\n"
                            + "          examples:\n"
                            + "            AtlasSecretRequest:\n"
                            + "              $ref: '#/components/examples/AtlasSecretRequest'\n"
                            + "  headers:\n",
                    "  headers:\n"),
            new SpecMutation(
                    "add an operation",
                    "\n  /api/oauth/token:\n",
                    "\n  /api/atlas/v2/orgs/{orgId}/mutationProbes/{clientId}:\n"
                            + "    get:\n"
                            + "      operationId: getMutationProbe\n"
                            + "      summary: A probe operation added by a mutation of the spec under test\n"
                            + "      tags: [Mutation Probes]\n"
                            + "      parameters:\n"
                            + "        - $ref: '#/components/parameters/orgId'\n"
                            + "        - $ref: '#/components/parameters/clientId'\n"
                            + "      responses:\n"
                            + "        '200':\n"
                            + "          $ref: '#/components/responses/AtlasServiceAccountSecretCreated'\n"
                            + "        '400':\n"
                            + "          $ref: '#/components/responses/BadRequest'\n"
                            + "  /api/oauth/token:\n"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    static Path work;

    private static MutatedEmulator emulator;
    private static MutatedClient client;

    @BeforeAll
    static void buildFromTheChangedSpec() throws Exception {
        Path root =
                Path.of(System.getProperty("repository.root")).toAbsolutePath().normalize();
        MutatedBuild build = MutatedBuild.run(root, work, MUTATIONS);
        emulator = MutatedEmulator.start(build.emulatorJar());
        client = MutatedClient.load(build.clientJars(), root);
    }

    @AfterAll
    static void stop() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
        if (client != null) {
            client.close();
        }
    }

    @BeforeEach
    void freshState() throws Exception {
        assertThat(send("POST", "/_emulator/reset", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void tightenedBoundIsEnforcedByBoth() throws Throwable {
        HttpResponse<String> answer = createAtlasSecret(DEMO_TARGET_CLIENT_ID, "{\"secretExpiresAfterHours\": 4001}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(fieldRule(answer)).isEqualTo("must be between 8 and 4000");

        Object atlas = atlasClient();
        assertThatThrownBy(() -> call(
                        atlas.getClass(),
                        atlas,
                        "createOrgServiceAccountSecret",
                        DEMO_ORG_ID,
                        DEMO_TARGET_CLIENT_ID,
                        4001))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo("AtlasValidationException"))
                .hasMessageContaining("secretExpiresAfterHours: must be between 8 and 4000");
        Object created = call(
                atlas.getClass(), atlas, "createOrgServiceAccountSecret", DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID, 4000);
        assertThat(created).isNotNull();
    }

    @Test
    void loosenedBoundIsAcceptedByBoth() throws Throwable {
        Object atlas = atlasClient();
        Object role = call(
                client.type("io.github.atlascredentials.client.generated.model.OrgRoleName"),
                null,
                "fromValue",
                "ORG_MEMBER");
        Object key = call(atlas.getClass(), atlas, "createOrgApiKey", DEMO_ORG_ID, "d".repeat(300), List.of(role));
        assertThat(call(key.getClass(), key, "getDesc")).isEqualTo("d".repeat(300));

        HttpResponse<String> tooLong = send(
                "POST",
                "/api/public/v1.0/orgs/" + DEMO_ORG_ID + "/apiKeys",
                "{\"desc\": \"" + "d".repeat(301) + "\", \"roles\": [\"ORG_MEMBER\"]}",
                "application/json");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).path("detail").asText())
                .isEqualTo("The API key description must be between 1 and 300 characters long.");
    }

    @Test
    void changedPathPatternIsEnforcedByBoth() throws Throwable {
        HttpResponse<String> answer = createAtlasSecret(UPPERCASE_CLIENT_ID, "{\"secretExpiresAfterHours\": 24}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("detail").asText())
                .isEqualTo("Invalid path parameter clientId: it must match ^mdb_sa_id_[a-f\\d]{24}$.");

        Object atlas = atlasClient();
        assertThatThrownBy(() -> call(
                        atlas.getClass(), atlas, "createOrgServiceAccountSecret", DEMO_ORG_ID, UPPERCASE_CLIENT_ID, 24))
                .hasMessageContaining("clientId: must match ^mdb_sa_id_[a-f\\d]{24}$");
    }

    @Test
    void addedOptionalPropertyIsKnownAndItsRuleEnforcedByBoth() throws Throwable {
        assertThat(createAtlasSecret(
                                DEMO_TARGET_CLIENT_ID, "{\"secretExpiresAfterHours\": 24, \"label\": \"rotation-7\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> tooLong = createAtlasSecret(
                DEMO_TARGET_CLIENT_ID, "{\"secretExpiresAfterHours\": 24, \"label\": \"label-of-13ch\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(fieldRule(tooLong)).isEqualTo("must be at most 12 characters long");

        Class<?> requestType =
                client.type("io.github.atlascredentials.client.generated.model.ServiceAccountSecretRequest");
        Object body = requestType.getConstructor().newInstance();
        call(requestType, body, "secretExpiresAfterHours", 24);
        call(requestType, body, "label", "label-of-13ch");
        Class<?> validatorType = client.type("io.github.atlascredentials.client.internal.RequestValidator");
        Object rules = call(client.type("io.github.atlascredentials.spec.rules.ApiRules"), null, "builtIn");
        Object validator = validatorType.getConstructors()[0].newInstance(rules);
        Object checks = call(validatorType, validator, "checks", "createOrgServiceAccountSecret");
        call(checks.getClass(), checks, "body", body);
        assertThatThrownBy(() -> call(checks.getClass(), checks, "throwIfAny"))
                .hasMessageContaining("label: must be at most 12 characters long");
    }

    @Test
    void addedEnumValueIsAcceptedByBoth() throws Throwable {
        Object atlas = atlasClient();
        Object role = call(
                client.type("io.github.atlascredentials.client.generated.model.OrgRoleName"),
                null,
                "fromValue",
                "ORG_MUTATION_PROBE");
        Object key = call(atlas.getClass(), atlas, "createOrgApiKey", DEMO_ORG_ID, "probe", List.of(role));
        assertThat(call(key.getClass(), key, "toString").toString()).contains("ORG_MUTATION_PROBE");
    }

    @Test
    void requestBodyListingOnlyTheVersionedTypeIsServedAsDeclared() throws Throwable {
        // The generated @Consumes lists only the versioned type: the emulator matches it as sent (no rewriting
        // to application/json), with or without parameters, and refuses the plain type the spec no longer lists.
        assertThat(createAtlasSecret(
                                DEMO_TARGET_CLIENT_ID,
                                "{\"secretExpiresAfterHours\": 24}",
                                ATLAS_TYPE + "; charset=utf-8")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> plain =
                createAtlasSecret(DEMO_TARGET_CLIENT_ID, "{\"secretExpiresAfterHours\": 24}", "application/json");
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(plain.body()).path("errorCode").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        // The client generated from the same spec sends the versioned type (the account's second secret).
        Object atlas = atlasClient();
        Object created =
                call(atlas.getClass(), atlas, "createOrgServiceAccountSecret", DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID, 24);
        assertThat(created).isNotNull();
    }

    @Test
    void addedOperationIsRoutedValidatedAndGeneratedOnBothSides() throws Throwable {
        String path = "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/mutationProbes/" + DEMO_TARGET_CLIENT_ID;
        HttpResponse<String> wrongMethod = send("POST", path, "{}", "application/json");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
        HttpResponse<String> badId =
                send("GET", "/api/atlas/v2/orgs/not-an-org/mutationProbes/" + DEMO_TARGET_CLIENT_ID, null, null);
        assertThat(badId.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(badId.body()).path("errorCode").asText())
                .isEqualTo("INVALID_ORG_ID"); // the parameter's x-error travels with it
        HttpRequest authorized = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept", ATLAS_TYPE)
                .GET()
                .build();
        HttpResponse<String> notImplemented = HTTP.send(authorized, HttpResponse.BodyHandlers.ofString());
        assertThat(notImplemented.statusCode()).isEqualTo(501);
        assertThat(JSON.readTree(notImplemented.body()).path("errorCode").asText())
                .isEqualTo("NOT_IMPLEMENTED");

        Class<?> generatedApi = client.type("io.github.atlascredentials.client.generated.api.MutationProbesApi");
        assertThat(generatedApi.getMethods())
                .extracting(java.lang.reflect.Method::getName)
                .contains("getMutationProbe");
        Class<?> validatorType = client.type("io.github.atlascredentials.client.internal.RequestValidator");
        Object rules = call(client.type("io.github.atlascredentials.spec.rules.ApiRules"), null, "builtIn");
        Object checks = call(
                validatorType, validatorType.getConstructors()[0].newInstance(rules), "checks", "getMutationProbe");
        call(checks.getClass(), checks, "pathParameter", "orgId", "not-an-org");
        assertThatThrownBy(() -> call(checks.getClass(), checks, "throwIfAny"))
                .hasMessageContaining("orgId: must match ^([a-f0-9]{24})$");
    }

    private Object atlasClient() throws Throwable {
        return client.serviceAccountClient(emulator.baseUrl(), DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
    }

    private static HttpResponse<String> createAtlasSecret(String clientId, String body) throws Exception {
        return createAtlasSecret(clientId, body, ATLAS_TYPE);
    }

    private static HttpResponse<String> createAtlasSecret(String clientId, String body, String contentType)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/atlas/v2/orgs/" + DEMO_ORG_ID
                        + "/serviceAccounts/" + clientId + "/secrets"))
                .header("Authorization", "Bearer " + accessToken())
                .header("Content-Type", contentType)
                .header("Accept", ATLAS_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken() throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((DEMO_CLIENT_ID + ":" + DEMO_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    /** Sends a request; Cloud Manager paths get the demo service account's token, others none. */
    private static HttpResponse<String> send(String method, String path, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (path.startsWith("/api/public/")) {
            request.header("Authorization", "Bearer " + accessToken());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String fieldRule(HttpResponse<String> answer) throws Exception {
        JsonNode fields = JSON.readTree(answer.body()).path("badRequestDetail").path("fields");
        assertThat(fields.size()).as(answer.body()).isEqualTo(1);
        return fields.get(0).path("description").asText();
    }
}
