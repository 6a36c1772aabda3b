package io.github.atlascredentials.contract.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atlascredentials.contract.support.Contract;
import io.github.atlascredentials.contract.support.Spec;
import io.github.atlascredentials.emulator.seed.SeedDocument;
import io.github.atlascredentials.spec.rules.ApiRules;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the real emulator into the state an interaction needs, through its test-support endpoints
 * only ({@code POST /_emulator/reset}, {@code /_emulator/seed}, {@code /_emulator/clock/advance}, as
 * any Pact verifier's state-change handler can), its clock and real
 * HTTP calls, and decides the real credential to send: a Bearer token obtained from the
 * emulator's token endpoint, or the service account's Basic credentials for the OAuth endpoints.
 * Secrets are random per run and never leave this JVM.
 */
final class EmulatorStates {
  static final Spec SPEC = Spec.load();
  static final String ORG_ID = SPEC.parameterExample("orgId");
  static final String GROUP_ID = SPEC.parameterExample("groupId");
  static final String TARGET_ID = SPEC.parameterExample("clientId");
  /** The caller: an Organization Owner of the organization (or of the other one). */
  static final String ADMIN_ID = "mdb_sa_id_00000000000000000000ad01";
  static final String OTHER_ORG_ID = "0000000000000000000000b2";
  static final String OTHER_ADMIN_ID = "mdb_sa_id_00000000000000000000ad02";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1) // HTTP/2 upgrade requests hide POST bodies from Grizzly
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private volatile String authorization;

  /** States of the emulator at {@code base}, set only through its {@code /_emulator/} endpoints. */
  EmulatorStates(URI base) {
    this.base = base;
  }

  /** The Authorization header the current interaction must carry instead of the consumer's fake one. */
  String authorization() {
    return authorization;
  }

  // --- states of the API operations -------------------------------------------------------------

  void targetWithSecrets(int secrets) {
    seed(organization(ORG_ID, 8760, admin(ADMIN_ID), target(secrets, true)));
    authorization = bearer(ADMIN_ID);
  }

  /** Two secrets of the target, the first with the spec's secretId example (the id the consumer deletes). */
  void targetWithExampleSecret() {
    Instant now = now();
    SeedDocument.ServiceAccount target = new SeedDocument.ServiceAccount(TARGET_ID, "target", Set.of("ORG_MEMBER"),
        Map.of(GROUP_ID, Set.of("GROUP_OWNER")), List.of(
            new SeedDocument.Secret(SPEC.parameterExample("secretId"), newSecret(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30))),
            new SeedDocument.Secret(newSecret(), now, now.plus(Duration.ofDays(60)))));
    seed(organization(ORG_ID, 8760, admin(ADMIN_ID), target));
    authorization = bearer(ADMIN_ID);
  }

  /**
   * The organization's only API key: the spec's apiUserId example, with the example's description and roles
   * (organization roles by {@code orgId}, project roles by {@code groupId}).
   */
  void exampleApiKey() {
    JsonNode example = SPEC.example("AtlasApiKey");
    List<String> roles = new ArrayList<>();
    Map<String, Set<String>> projectRoles = new java.util.LinkedHashMap<>();
    example.path("roles").forEach(r -> {
      if (r.hasNonNull("groupId")) {
        projectRoles.computeIfAbsent(r.get("groupId").asText(), g -> new java.util.LinkedHashSet<>())
            .add(r.path("roleName").asText());
      } else {
        roles.add(r.path("roleName").asText());
      }
    });
    SeedDocument.ApiKey key = new SeedDocument.ApiKey(SPEC.parameterExample("apiUserId"), randomLetters(8),
        java.util.UUID.randomUUID().toString(), example.path("desc").asText(), roles, projectRoles);
    seed(new SeedDocument.Organization(ORG_ID, "Organization " + ORG_ID, 8760,
        List.of(new SeedDocument.Project(GROUP_ID, "Project " + GROUP_ID)), List.of(admin(ADMIN_ID), target(1, true)),
        List.of(key)));
    authorization = bearer(ADMIN_ID);
  }

  /** The caller is the target account itself: ORG_MEMBER in the organization, GROUP_OWNER of the project. */
  void callerOrganizationMember() {
    String secret = newSecret();
    Instant now = now();
    seed(organization(ORG_ID, 8760, admin(ADMIN_ID), new SeedDocument.ServiceAccount(TARGET_ID, "target",
        Set.of("ORG_MEMBER"), Map.of(GROUP_ID, Set.of("GROUP_OWNER")),
        List.of(new SeedDocument.Secret(secret, now, now.plus(Duration.ofDays(30)))))));
    adminSecrets.put(TARGET_ID, secret);
    authorization = bearer(TARGET_ID);
  }

  void organizationMaximum(int hours) {
    seed(organization(ORG_ID, hours, admin(ADMIN_ID), target(0, true)));
    authorization = bearer(ADMIN_ID);
  }

  void expiredCallerToken() {
    targetWithSecrets(0);
    advanceClock(Duration.ofSeconds(3601)); // tokens live 3600 s
  }

  void callerInOtherOrganization() {
    seed(organization(ORG_ID, 8760, target(0, true)), organization(OTHER_ORG_ID, 8760, admin(OTHER_ADMIN_ID)));
    authorization = bearer(OTHER_ADMIN_ID);
  }

  void targetMissing() {
    seed(organization(ORG_ID, 8760, admin(ADMIN_ID)));
    authorization = bearer(ADMIN_ID);
  }

  void targetNotInProject() {
    seed(organization(ORG_ID, 8760, admin(ADMIN_ID), target(0, false)));
    authorization = bearer(ADMIN_ID);
  }

  /**
   * An API key with the Organization Owner role; the credential is HTTP Digest, answered to a real
   * challenge of the emulator for exactly this method and path.
   */
  void ownerApiKeyWithDigest(String method, String path) {
    String publicKey = randomLetters(8);
    String privateKey = java.util.UUID.randomUUID().toString();
    SeedDocument.ApiKey key = new SeedDocument.ApiKey(null, publicKey, privateKey, "caller", List.of("ORG_OWNER"));
    seed(new SeedDocument.Organization(ORG_ID, "Organization " + ORG_ID, 8760,
        List.of(new SeedDocument.Project(GROUP_ID, "Project " + GROUP_ID)), List.of(target(0, true)), List.of(key)));
    HttpResponse<String> challenge = send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", Contract.JSON)
        .header("Accept", Contract.JSON)
        .method(method, HttpRequest.BodyPublishers.ofString("{}"))
        .build());
    requireStatus(challenge, 401);
    String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
    java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("nonce=\"([^\"]+)\"").matcher(header);
    if (!nonce.find()) {
      throw new IllegalStateException("no nonce in the Digest challenge " + header);
    }
    String cnonce = randomLetters(16);
    String ha1 = md5(publicKey + ":MMS Public API:" + privateKey);
    String ha2 = md5(method + ":" + path);
    String response = md5(ha1 + ":" + nonce.group(1) + ":00000001:" + cnonce + ":auth:" + ha2);
    authorization = "Digest username=\"" + publicKey + "\", realm=\"MMS Public API\", nonce=\"" + nonce.group(1)
        + "\", uri=\"" + path + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"" + cnonce
        + "\", response=\"" + response + "\"";
  }

  private static String md5(String text) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomLetters(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return sb.toString();
  }

  // --- states of the OAuth endpoints ------------------------------------------------------------

  private String targetSecret;

  void validSecret() {
    seedTargetWithOneSecret(false);
    authorization = Contract.basic(TARGET_ID, targetSecret);
  }

  void wrongSecret() {
    seedTargetWithOneSecret(false);
    authorization = Contract.basic(TARGET_ID, newSecret());
  }

  void expiredSecret() {
    seedTargetWithOneSecret(true);
    authorization = Contract.basic(TARGET_ID, targetSecret);
  }

  /** The token endpoint's limit per client and minute, as the spec states it (x-limits). */
  private static final int TOKENS_PER_MINUTE = (int) ApiRules.builtIn().limit("tokenRequestsPerMinute");

  /** 100 real token requests, moving the clock past the one-minute window when needed. */
  void tokensAtMaximum() {
    validSecret();
    for (int issued = 0; issued < 100; issued++) {
      if (issued % TOKENS_PER_MINUTE == 0) {
        advanceClock(Duration.ofSeconds(61));
      }
      requireStatus(tokenRequest(authorization), 200);
    }
    advanceClock(Duration.ofSeconds(61));
  }

  /** As many real token requests in this minute as the limit allows: the next is one too many. */
  void tokenRateLimitReached() {
    validSecret();
    for (int i = 0; i < TOKENS_PER_MINUTE; i++) {
      requireStatus(tokenRequest(authorization), 200);
    }
  }

  /** The Atlas token buckets while an interaction needs an empty one: small enough to empty quickly. */
  static final int ATLAS_BUCKET = 3;

  /**
   * A create for the target is in progress (held by the emulator until the next state resets it), so
   * the interaction's create meets it: 409 DATA_CONCURRENCY_ERROR. Through {@code /_emulator/secret-creations/hold}.
   */
  void secretCreationInProgress() {
    targetWithSecrets(0);
    requireStatus(admin("/_emulator/secret-creations/hold?clientId=" + TARGET_ID, ""), 200);
    String caller = authorization;
    Thread first = new Thread(() -> {
      try {
        http.send(atlasCreate(caller), HttpResponse.BodyHandlers.discarding());
      } catch (IOException | InterruptedException | RuntimeException ignored) {
        // released by the next reset; its answer does not matter
      }
    }, "held-create");
    first.setDaemon(true);
    first.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!held()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the held create did not arrive");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private boolean held() {
    HttpResponse<String> state = send(HttpRequest.newBuilder(base.resolve("/_emulator/secret-creations/hold?clientId="
        + TARGET_ID)).GET().build());
    requireStatus(state, 200);
    try {
      return JSON.readTree(state.body()).path("held").asBoolean();
    } catch (IOException e) {
      throw new IllegalStateException("the hold state is not JSON", e);
    }
  }

  /** The organization's bucket is made small ({@code /_emulator/rate-limits/atlas}) and emptied with refused requests. */
  void orgRateLimitReached() {
    targetWithSecrets(0);
    requireStatus(admin("/_emulator/rate-limits/atlas?capacity=" + ATLAS_BUCKET + "&refill=" + ATLAS_BUCKET
        + "&seconds=60", ""), 200);
    for (int i = 0; i < ATLAS_BUCKET; i++) {
      requireStatus(send(HttpRequest.newBuilder(base.resolve("/api/atlas/v2/orgs/" + ORG_ID + "/serviceAccounts/"
              + TARGET_ID + "/secrets"))
          .header("Authorization", authorization)
          .header("Content-Type", Contract.ATLAS_JSON).header("Accept", Contract.ATLAS_JSON)
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 400);
    }
  }

  /** The token endpoint's next request fails ({@code /_emulator/faults}). */
  void tokenEndpointFault() {
    validSecret();
    requireStatus(admin("/_emulator/faults?operationId=requestAccessToken&status=500", ""), 200);
  }

  private HttpRequest atlasCreate(String caller) {
    return HttpRequest.newBuilder(base.resolve("/api/atlas/v2/orgs/" + ORG_ID + "/serviceAccounts/" + TARGET_ID + "/secrets"))
        .header("Authorization", caller)
        .header("Content-Type", Contract.ATLAS_JSON).header("Accept", Contract.ATLAS_JSON)
        .POST(HttpRequest.BodyPublishers.ofString("{\"secretExpiresAfterHours\": 8}")).build();
  }

  private void seedTargetWithOneSecret(boolean expired) {
    targetSecret = newSecret();
    Instant now = now();
    SeedDocument.Secret secret = expired
        ? new SeedDocument.Secret(targetSecret, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))
        : new SeedDocument.Secret(targetSecret, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    seed(organization(ORG_ID, 8760, new SeedDocument.ServiceAccount(TARGET_ID, "target", Set.of("ORG_MEMBER"),
        Map.of(GROUP_ID, Set.of("GROUP_OWNER")), List.of(secret))));
  }

  // --- seeding ----------------------------------------------------------------------------------

  private final Map<String, String> adminSecrets = new java.util.concurrent.ConcurrentHashMap<>();

  /** Back to the (empty) seed, then exactly these organizations: {@code /_emulator/reset} and {@code /seed}. */
  private void seed(SeedDocument.Organization... organizations) {
    requireStatus(admin("/_emulator/reset", "{}"), 200);
    try {
      requireStatus(admin("/_emulator/seed", SEED_JSON.writeValueAsString(new SeedDocument(List.of(organizations)))), 200);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void advanceClock(Duration by) {
    requireStatus(admin("/_emulator/clock/advance?seconds=" + by.toSeconds(), ""), 200);
  }

  /** The emulator's clock, to the second ({@code GET /_emulator/clock}). */
  private Instant now() {
    HttpResponse<String> clock = send(HttpRequest.newBuilder(base.resolve("/_emulator/clock")).GET().build());
    requireStatus(clock, 200);
    try {
      return Instant.parse(JSON.readTree(clock.body()).path("now").asText()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    } catch (IOException e) {
      throw new IllegalStateException("the emulator's clock answered with a body that is not JSON", e);
    }
  }

  private HttpResponse<String> admin(String pathAndQuery, String body) {
    return send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
        .header("Content-Type", Contract.JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  private static final ObjectMapper SEED_JSON = new ObjectMapper()
      .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

  private static SeedDocument.Organization organization(String id, int maxHours, SeedDocument.ServiceAccount... accounts) {
    return new SeedDocument.Organization(id, "Organization " + id, maxHours,
        id.equals(ORG_ID) ? List.of(new SeedDocument.Project(GROUP_ID, "Project " + GROUP_ID)) : List.of(),
        List.of(accounts), List.of());
  }

  private SeedDocument.ServiceAccount admin(String clientId) {
    String secret = newSecret();
    adminSecrets.put(clientId, secret);
    Instant now = now();
    return new SeedDocument.ServiceAccount(clientId, "caller", Set.of("ORG_OWNER"), Map.of(),
        List.of(new SeedDocument.Secret(secret, now, now.plus(Duration.ofDays(365)))));
  }

  private SeedDocument.ServiceAccount target(int secrets, boolean inProject) {
    Instant now = now();
    List<SeedDocument.Secret> list = new ArrayList<>();
    for (int i = 0; i < secrets; i++) {
      list.add(new SeedDocument.Secret(newSecret(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))));
    }
    return new SeedDocument.ServiceAccount(TARGET_ID, "target", Set.of("ORG_MEMBER"),
        inProject ? Map.of(GROUP_ID, Set.of("GROUP_OWNER")) : Map.of(), list);
  }

  static String newSecret() {
    StringBuilder sb = new StringBuilder("mdb_sa_sk_");
    for (int i = 0; i < 40; i++) {
      sb.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
    }
    return sb.toString();
  }

  // --- real HTTP --------------------------------------------------------------------------------

  /** A Bearer header with a token the emulator's token endpoint issued to {@code clientId}. */
  String bearer(String clientId) {
    HttpResponse<String> response = tokenRequest(Contract.basic(clientId, adminSecrets.get(clientId)));
    requireStatus(response, 200);
    try {
      JsonNode body = JSON.readTree(response.body());
      return "Bearer " + body.path("access_token").asText();
    } catch (IOException e) {
      throw new IllegalStateException("the token endpoint answered with a body that is not JSON", e);
    }
  }

  HttpResponse<String> tokenRequest(String basic) {
    return send(HttpRequest.newBuilder(base.resolve("/api/oauth/token"))
        .header("Authorization", basic)
        .header("Content-Type", Contract.FORM)
        .header("Accept", Contract.JSON)
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
        .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("request to the emulator failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void requireStatus(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException("state setup: expected HTTP " + status + " from " + response.uri().getPath()
          + " but got " + response.statusCode());
    }
  }
}
