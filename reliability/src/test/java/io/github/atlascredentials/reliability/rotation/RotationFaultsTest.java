package io.github.atlascredentials.reliability.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.ApiKeyRotation;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.PageRequest;
import io.github.atlascredentials.client.RetryPolicy;
import io.github.atlascredentials.client.RotationException;
import io.github.atlascredentials.client.SecretRotation;
import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.Credential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.reliability.support.DroppingProxy;
import io.github.atlascredentials.reliability.support.Emulators;
import io.github.atlascredentials.reliability.support.Http;
import io.github.atlascredentials.reliability.support.Seed;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each failure of a rotation step, one at a time, through a proxy that can lose answers after forwarding and
 * with the emulator's own faults: the workflow reports what happened in a {@link RotationException} (or
 * succeeds when the lost answer changed nothing it needs), never leaves an unreported orphan, never resends on
 * its own, and never says "unchanged" when something changed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RotationFaultsTest {
    private static AtlasEmulator emulator;
    private static DroppingProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulators.inProcess(16)
                .tokenRateLimitPerMinute(1_000_000)
                .apiRateLimitPerMinute(1_000_000)
                .maxActiveTokensPerAccount(100_000)
                .start();
        proxy = new DroppingProxy(emulator.baseUri());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        emulator.close();
    }

    static AtlasCredentialsClient viaProxy(Credential credential) {
        return AtlasCredentialsClient.builder()
                .baseUrl(proxy.baseUrl())
                .credential(credential)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    static AtlasCredentialsClient direct() {
        return AtlasCredentialsClient.builder()
                .baseUrl(emulator.baseUri().toString())
                .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                .build();
    }

    static AtlasCredentialsClient adminViaProxy() {
        return viaProxy(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET));
    }

    static List<String> secretIds(String clientId) {
        try (AtlasCredentialsClient admin = direct()) {
            return admin.getOrgServiceAccount(Seed.ORG_A, clientId).getSecrets().stream()
                    .map(ServiceAccountSecret::getId)
                    .toList();
        }
    }

    static String createSecret(String clientId) {
        try (AtlasCredentialsClient admin = direct()) {
            return admin.createOrgServiceAccountSecret(Seed.ORG_A, clientId, 48).getId();
        }
    }

    static String secretsPath(String clientId) {
        return "/serviceAccounts/" + clientId + "/secrets";
    }

    // Before: "Creating the new secret ... failed (...); the existing secrets are unchanged", no createdSecretId,
    // and the account kept a secret nobody could use.
    @Test
    void aLostCreateAnswerIsFoundDeletedAgainAndReported() {
        String target = Seed.target(0);
        String old = createSecret(target);
        proxy.dropNextAnswer("POST", secretsPath(target));
        try (AtlasCredentialsClient atlas = adminViaProxy()) {
            assertThatThrownBy(() -> SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                            .secretExpiresAfterHours(48)
                            .build()
                            .start())
                    .isInstanceOfSatisfying(RotationException.class, e -> {
                        assertThat(e.createdSecretId()).isPresent();
                        assertThat(e.createdProven()).isFalse();
                        assertThat(e.deletedIds())
                                .containsExactly(e.createdSecretId().get());
                        assertThat(e.orphanIds()).isEmpty();
                        assertThat(e.getMessage())
                                .contains("the service created it", "deleted again")
                                .doesNotContain("unchanged");
                    });
        }
        assertThat(secretIds(target)).containsExactly(old);
    }

    // Before: no orphan was named anywhere.
    @Test
    void whenTheCleanupFailsTooTheOrphanIsNamed() {
        String target = Seed.target(1);
        String old = createSecret(target);
        proxy.dropNextAnswer("POST", secretsPath(target));
        emulator.failNextRequest("deleteOrgServiceAccountSecret", 500, null);
        emulator.failNextRequest("deleteOrgServiceAccountSecret", 500, null);
        try (AtlasCredentialsClient atlas = adminViaProxy()) {
            assertThatThrownBy(() -> SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                            .secretExpiresAfterHours(48)
                            .build()
                            .start())
                    .isInstanceOfSatisfying(RotationException.class, e -> {
                        String orphan = e.createdSecretId().orElseThrow();
                        assertThat(e.orphanIds()).containsExactly(orphan);
                        assertThat(e.deletedIds()).isEmpty();
                        assertThat(e.getMessage()).contains("orphan").contains(orphan);
                        assertThat(secretIds(target)).containsExactlyInAnyOrder(old, orphan);
                    });
        }
    }

    // Before: HttpClient resent the DELETE by itself, got 404, and retire() threw although the secret was gone.
    @Test
    void aLostDeleteAnswerInRetireIsReportedAlreadyGoneNotAnError() {
        String target = Seed.target(2);
        String old = createSecret(target);
        try (AtlasCredentialsClient atlas = adminViaProxy()) {
            SecretRotation.Started started = SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                    .secretExpiresAfterHours(48)
                    .build()
                    .start();
            assertThat(started.toRetire()).containsExactly(old);
            proxy.dropNextAnswer("DELETE", secretsPath(target) + "/" + old);
            int before = proxy.forwarded();
            SecretRotation.Retired retired = SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                    .buildForRetiring()
                    .retire(started.toRetire());
            // the second DELETE's 404 says "gone", not who deleted it: reported as already gone, not as an error
            assertThat(retired.deleted()).isEmpty();
            assertThat(retired.alreadyGone()).containsExactly(old);
            // one read before the delete, the delete, and the workflow's own second DELETE (404): no hidden resend
            assertThat(proxy.forwarded() - before).isEqualTo(4);
            assertThat(secretIds(target)).containsExactly(started.newSecret().getId());
        }
    }

    // Before: both rotations read the same inventory; the second deleted without seeing the first one's secret.
    @Test
    void aSecretThatAppearsFromAnotherRotatorStopsTheRotation() {
        String target = Seed.target(3);
        String first = createSecret(target);
        String second = createSecret(target);
        String[] intruder = new String[1];
        // The rotation's first read goes through; before its re-read, "another process" rotates the account.
        proxy.beforeNext(
                "GET",
                "/serviceAccounts/" + target,
                () -> proxy.beforeNext("GET", "/serviceAccounts/" + target, () -> {
                    try (AtlasCredentialsClient other = direct()) {
                        other.deleteOrgServiceAccountSecret(Seed.ORG_A, target, second);
                        intruder[0] = other.createOrgServiceAccountSecret(Seed.ORG_A, target, 48)
                                .getId();
                    }
                }));
        try (AtlasCredentialsClient atlas = adminViaProxy()) {
            assertThatThrownBy(() -> SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                            .secretExpiresAfterHours(48)
                            .retireIfFull(first)
                            .build()
                            .start())
                    .isInstanceOfSatisfying(RotationException.class, e -> {
                        assertThat(e.getMessage()).contains("another rotator");
                        assertThat(e.deletedIds()).isEmpty();
                        assertThat(e.createdSecretId()).isEmpty();
                    });
        }
        assertThat(secretIds(target)).containsExactlyInAnyOrder(first, intruder[0]);
    }

    // Before: "could not obtain an access token" although it did, and the proven secret stayed with its value lost.
    @Test
    void whenRevokingTheProofTokenFailsTheProvenSecretIsReturned() {
        String target = Seed.target(4);
        createSecret(target);
        try (AtlasCredentialsClient atlas = adminViaProxy()) {
            atlas.getOrgServiceAccount(Seed.ORG_A, target); // the client's own token first
            emulator.failNextRequest("revokeAccessToken", 500, null);
            SecretRotation.Started started = SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                    .secretExpiresAfterHours(48)
                    .build()
                    .start();
            assertThat(started.proofTokenRevoked()).isFalse();
            assertThat(new Http(emulator.baseUri())
                            .tokenRequest(target, started.newSecret().getSecret())
                            .status())
                    .isEqualTo(200);
        }
    }

    // Before: the unproven secret stayed in place with its value gone.
    @Test
    void anUnprovenSecretIsDeletedAgain() {
        String target = Seed.target(5);
        String old = createSecret(target);
        try (AtlasCredentialsClient atlas = adminViaProxy()) {
            atlas.getOrgServiceAccount(Seed.ORG_A, target);
            emulator.failNextRequest("requestAccessToken", 500, null);
            assertThatThrownBy(() -> SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                            .secretExpiresAfterHours(48)
                            .build()
                            .start())
                    .isInstanceOfSatisfying(RotationException.class, e -> {
                        assertThat(e.createdProven()).isFalse();
                        assertThat(e.deletedIds())
                                .containsExactly(e.createdSecretId().orElseThrow());
                        assertThat(e.getMessage()).contains("could not obtain an access token", "deleted again");
                    });
        }
        assertThat(secretIds(target)).containsExactly(old);
    }

    // Before: a raw AtlasTransportException, and a live key with the old key's roles that nobody held.
    @Test
    void aLostApiKeyCreateAnswerIsFoundAndDeletedAgain() {
        String oldKeyId;
        List<String> before;
        try (AtlasCredentialsClient admin = direct()) {
            oldKeyId = admin.createAtlasOrgApiKey(Seed.ORG_A, "lost-answer", List.of(OrgRoleName.ORG_MEMBER))
                    .getId();
            before = keyIds(admin);
        }
        proxy.dropNextAnswer("POST", "/orgs/" + Seed.ORG_A + "/apiKeys");
        try (AtlasCredentialsClient atlas = adminViaProxy()) {
            assertThatThrownBy(() -> ApiKeyRotation.ofAtlasOrgApiKey(atlas, Seed.ORG_A, oldKeyId)
                            .build()
                            .start())
                    .isInstanceOfSatisfying(RotationException.class, e -> {
                        assertThat(e.createdApiKeyId()).isPresent();
                        assertThat(e.deletedIds())
                                .containsExactly(e.createdApiKeyId().get());
                        assertThat(e.orphanIds()).isEmpty();
                    });
        }
        try (AtlasCredentialsClient admin = direct()) {
            assertThat(keyIds(admin)).containsExactlyInAnyOrderElementsOf(before);
        }
    }

    // Before: HttpClient resent the Digest-signed DELETE; it came back 401 ("not authorized") or 404.
    @Test
    void aLostApiKeyDeleteAnswerIsReportedAlreadyGoneNotAnError() {
        String oldKeyId;
        try (AtlasCredentialsClient admin = direct()) {
            oldKeyId = admin.createAtlasOrgApiKey(Seed.ORG_A, "lost-delete", List.of(OrgRoleName.ORG_MEMBER))
                    .getId();
        }
        try (AtlasCredentialsClient atlas = viaProxy(ApiKeyCredential.of(Seed.KEY_ADMIN_A, Seed.KEY_ADMIN_A_PRIVATE))) {
            ApiKeyRotation rotation =
                    ApiKeyRotation.ofAtlasOrgApiKey(atlas, Seed.ORG_A, oldKeyId).build();
            ApiKeyRotation.Started started = rotation.start();
            proxy.dropNextAnswer("DELETE", "/apiKeys/" + oldKeyId);
            assertThat(rotation.retireOldKey())
                    .as("second DELETE answered 404: already gone, no error")
                    .isFalse();
            try (AtlasCredentialsClient admin = direct()) {
                assertThat(keyIds(admin)).contains(started.newKey().getId()).doesNotContain(oldKeyId);
            }
        }
    }

    // Before: the named secret was listed in deletedExpired() although it had not expired.
    @Test
    void theNamedSecretIsNotReportedAsExpired() {
        String target = Seed.target(6);
        String first = createSecret(target);
        String second = createSecret(target);
        try (AtlasCredentialsClient atlas = adminViaProxy()) {
            SecretRotation.Started started = SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                    .secretExpiresAfterHours(48)
                    .retireIfFull(first)
                    .build()
                    .start();
            assertThat(started.deletedExpired()).isEmpty();
            assertThat(started.deletedToMakeRoom()).contains(first);
            assertThat(started.toRetire()).containsExactly(second);
        }
    }

    // A failure in the middle of retire() says what was deleted and what is left (before, the raw exception of
    // the failed step said neither).
    @Test
    void retireReportsPartialProgress() throws Exception {
        try (AtlasEmulator roomy = Emulators.inProcess(1)
                        .maxSecretsPerAccount(3)
                        .tokenRateLimitPerMinute(1_000_000)
                        .start();
                DroppingProxy roomyProxy = new DroppingProxy(roomy.baseUri());
                AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                        .baseUrl(roomyProxy.baseUrl())
                        .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                        .retryPolicy(RetryPolicy.none())
                        .build()) {
            String target = Seed.target(0);
            String a =
                    atlas.createOrgServiceAccountSecret(Seed.ORG_A, target, 48).getId();
            String b =
                    atlas.createOrgServiceAccountSecret(Seed.ORG_A, target, 48).getId();
            String keep =
                    atlas.createOrgServiceAccountSecret(Seed.ORG_A, target, 48).getId();
            // After the first delete, the read before the second one fails.
            roomyProxy.beforeNext(
                    "DELETE", "/secrets/" + a, () -> roomy.failNextRequest("getOrgServiceAccount", 500, null));
            assertThatThrownBy(() -> SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                            .buildForRetiring()
                            .retire(List.of(a, b)))
                    .isInstanceOfSatisfying(RotationException.class, e -> {
                        assertThat(e.deletedIds()).containsExactly(a);
                        assertThat(e.leftToRetire()).containsExactly(b);
                        assertThat(e.getMessage()).contains("Still to retire: [" + b + "]");
                    });
            assertThat(atlas.getOrgServiceAccount(Seed.ORG_A, target).getSecrets())
                    .extracting(ServiceAccountSecret::getId)
                    .containsExactlyInAnyOrder(b, keep);
        }
    }

    static List<String> keyIds(AtlasCredentialsClient admin) {
        return admin.listOrgApiKeys(Seed.ORG_A, PageRequest.first(PageRequest.maxItemsPerPage())).getResults().stream()
                .map(ApiKey::getId)
                .toList();
    }
}
