package io.github.atlascredentials.contract.e2e;

import static io.github.atlascredentials.emulator.AtlasEmulator.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.ApiKeyRotation;
import io.github.atlascredentials.client.AtlasApiException;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rotation workflows of the client against the real emulator: every rule of guide 3, end to end. */
class RotationEndToEndTest {
    static final String DEMO_KEY_ID = "5d1113b25a115342acc2d1aa";

    static AtlasEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = AtlasEmulator.builder().port(0).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    static AtlasCredentialsClient client(Credential credential) {
        return AtlasCredentialsClient.builder()
                .baseUrl(emulator.baseUri())
                .credential(credential)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    static AtlasCredentialsClient admin() {
        return client(ServiceAccountCredential.of(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET));
    }

    /** The emulator's clock, for the rotation's view of which secrets have expired. */
    static Clock emulatorClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return emulator.clock().now();
            }
        };
    }

    static List<String> secretIds(AtlasCredentialsClient atlas, String clientId) {
        return atlas.getOrgServiceAccount(DEMO_ORG_ID, clientId).getSecrets().stream()
                .map(ServiceAccountSecret::getId)
                .toList();
    }

    @Test
    void firstRotationCreatesAProvenSecretAndLeavesNothingToRetire() {
        try (AtlasCredentialsClient atlas = admin()) {
            SecretRotation.Started started = SecretRotation.ofOrgServiceAccount(
                            atlas, DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID)
                    .secretExpiresAfterHours(24)
                    .build()
                    .start();

            assertThat(started.newSecret().getSecret()).startsWith("mdb_sa_sk_");
            assertThat(started.toRetire()).isEmpty();
            assertThat(started.toString()).doesNotContain(started.newSecret().getSecret());
            ServiceAccountSecret stored = atlas.getOrgServiceAccount(DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID)
                    .getSecrets()
                    .get(0);
            assertThat(stored.getLastUsedAt())
                    .as("the proof obtained a token with it")
                    .isNotNull();
        }
    }

    @Test
    void atTheLimitExpiredSecretsMakeRoomFirst() {
        try (AtlasCredentialsClient atlas = admin()) {
            String shortLived = atlas.createOrgServiceAccountSecret(DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID, 8)
                    .getId();
            String longLived = atlas.createOrgServiceAccountSecret(DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID, 720)
                    .getId();
            emulator.clock().advance(Duration.ofHours(9));

            SecretRotation.Started started = SecretRotation.ofOrgServiceAccount(
                            atlas, DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID)
                    .secretExpiresAfterHours(24)
                    .clock(emulatorClock())
                    .build()
                    .start();

            assertThat(started.deletedExpired()).containsExactly(shortLived);
            assertThat(started.toRetire()).containsExactly(longLived);
            assertThat(secretIds(atlas, DEMO_TARGET_CLIENT_ID))
                    .containsExactly(longLived, started.newSecret().getId());
        }
    }

    @Test
    void atTheLimitWithNothingExpiredItStopsAndChangesNothingUnlessToldWhichToRetire() {
        try (AtlasCredentialsClient atlas = admin()) {
            String first = atlas.createOrgServiceAccountSecret(DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID, 24)
                    .getId();
            String second = atlas.createOrgServiceAccountSecret(DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID, 24)
                    .getId();
            SecretRotation.Builder rotation = SecretRotation.ofOrgServiceAccount(
                            atlas, DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID)
                    .secretExpiresAfterHours(24);

            assertThatThrownBy(() -> rotation.build().start())
                    .isInstanceOf(RotationException.class)
                    .hasMessageContaining("already has the maximum of 2 secrets")
                    .hasMessageContaining("retireIfFull");
            assertThat(secretIds(atlas, DEMO_TARGET_CLIENT_ID)).containsExactly(first, second);

            SecretRotation.Started started =
                    rotation.retireIfFull(first).build().start();
            assertThat(started.toRetire()).containsExactly(second);
            assertThat(secretIds(atlas, DEMO_TARGET_CLIENT_ID))
                    .containsExactly(second, started.newSecret().getId());
        }
    }

    @Test
    void itNeverRetiresTheSecretTheClientUsesUnlessToldAndNeverTheLastWorkingOne() {
        String demoSecretId;
        SecretRotation.Started started;
        try (AtlasCredentialsClient self = admin()) {
            demoSecretId = secretIds(self, DEMO_CLIENT_ID).get(0);
            started = SecretRotation.ofOrgServiceAccount(self, DEMO_ORG_ID, DEMO_CLIENT_ID)
                    .secretExpiresAfterHours(24)
                    .build()
                    .start();
            assertThat(started.toRetire()).containsExactly(demoSecretId);
            SecretRotation own = SecretRotation.ofOrgServiceAccount(self, DEMO_ORG_ID, DEMO_CLIENT_ID)
                    .buildForRetiring();
            assertThatThrownBy(() -> own.retire(started.toRetire()))
                    .isInstanceOf(RotationException.class)
                    .hasMessageContaining("the one this client authenticates with");
            assertThatThrownBy(() -> SecretRotation.ofOrgServiceAccount(self, DEMO_ORG_ID, DEMO_CLIENT_ID)
                            .allowRetiringOwnSecret()
                            .buildForRetiring()
                            .retire(List.of(demoSecretId, started.newSecret().getId())))
                    .isInstanceOf(RotationException.class)
                    .hasMessageContaining("without an unexpired secret");
            assertThat(secretIds(self, DEMO_CLIENT_ID)).hasSize(2);
        }

        try (AtlasCredentialsClient old = admin();
                AtlasCredentialsClient switched = client(started.credential())) {
            old.getOrgServiceAccount(DEMO_ORG_ID, DEMO_CLIENT_ID); // holds a token obtained with the old secret
            assertThat(SecretRotation.ofOrgServiceAccount(switched, DEMO_ORG_ID, DEMO_CLIENT_ID)
                            .buildForRetiring()
                            .retire(started.toRetire())
                            .deleted())
                    .containsExactly(demoSecretId);

            assertThat(secretIds(switched, DEMO_CLIENT_ID))
                    .containsExactly(started.newSecret().getId());
            AtlasApiException e = org.junit.jupiter.api.Assertions.assertThrows(
                    AtlasApiException.class, () -> old.getOrgServiceAccount(DEMO_ORG_ID, DEMO_CLIENT_ID));
            assertThat(e.status())
                    .as("the old secret's token died with it, and the secret cannot get another")
                    .isEqualTo(401);
        }
    }

    @Test
    void projectAndCloudManagerRotationsWorkToo() {
        try (AtlasCredentialsClient atlas = admin()) {
            SecretRotation.Started project = SecretRotation.ofGroupServiceAccount(
                            atlas, DEMO_PROJECT_ID, DEMO_TARGET_CLIENT_ID)
                    .secretExpiresAfterHours(24)
                    .build()
                    .start();
            SecretRotation.Started cloudManager = SecretRotation.ofCloudManagerServiceAccount(
                            atlas, DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID)
                    .secretExpiresAfterHours(24)
                    .build()
                    .start();
            assertThat(cloudManager.toRetire())
                    .containsExactly(project.newSecret().getId());
            assertThat(SecretRotation.ofGroupServiceAccount(atlas, DEMO_PROJECT_ID, DEMO_TARGET_CLIENT_ID)
                            .buildForRetiring()
                            .retire(cloudManager.toRetire())
                            .deleted())
                    .containsExactly(project.newSecret().getId());
            assertThat(secretIds(atlas, DEMO_TARGET_CLIENT_ID))
                    .containsExactly(cloudManager.newSecret().getId());
        }
    }

    @Test
    void apiKeyRotationCopiesDescriptionAndRolesProvesTheKeyAndRetiresTheOldOne() {
        ApiKeyCredential demoKey = ApiKeyCredential.of(DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY);
        ApiKeyRotation.Started started;
        try (AtlasCredentialsClient withOldKey = client(demoKey)) {
            started = ApiKeyRotation.ofAtlasOrgApiKey(withOldKey, DEMO_ORG_ID, DEMO_KEY_ID)
                    .build()
                    .start();
            ApiKey old = withOldKey.getOrgApiKey(DEMO_ORG_ID, DEMO_KEY_ID);
            ApiKey created =
                    withOldKey.getOrgApiKey(DEMO_ORG_ID, started.newKey().getId());
            assertThat(created.getDesc()).isEqualTo(old.getDesc());
            assertThat(created.getRoles())
                    .extracting(r -> r.getRoleName())
                    .containsExactly(OrgRoleName.ORG_OWNER.getValue());
            assertThat(started.toString()).doesNotContain(started.credential().privateKey());
            assertThatThrownBy(() -> ApiKeyRotation.ofAtlasOrgApiKey(withOldKey, DEMO_ORG_ID, DEMO_KEY_ID)
                            .build()
                            .retireOldKey())
                    .isInstanceOf(RotationException.class)
                    .hasMessageContaining("the one this client authenticates with");
        }
        try (AtlasCredentialsClient withNewKey = client(started.credential());
                AtlasCredentialsClient withOldKey = client(demoKey)) {
            ApiKeyRotation.ofCloudManagerOrgApiKey(withNewKey, DEMO_ORG_ID, DEMO_KEY_ID)
                    .build()
                    .retireOldKey();

            AtlasApiException e = org.junit.jupiter.api.Assertions.assertThrows(
                    AtlasApiException.class, () -> withOldKey.listOrgApiKeys(DEMO_ORG_ID, PageRequest.defaults()));
            assertThat(e.status()).isEqualTo(401);
            assertThat(withNewKey
                            .listCloudManagerOrgApiKeys(DEMO_ORG_ID, PageRequest.defaults())
                            .getResults())
                    .extracting(ApiKey::getId)
                    .containsExactly(started.newKey().getId());
        }
    }

    @Test
    void theGuidesExamplesRunAsWritten() {
        String base = emulator.baseUri().toString();
        assertThat(RotationExamples.secrets(base, DEMO_ORG_ID, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET))
                .hasSize(1);
        SecretRotation.Started started =
                RotationExamples.startSecretRotation(base, DEMO_ORG_ID, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        assertThat(RotationExamples.retireOldSecrets(
                        base, DEMO_ORG_ID, DEMO_CLIENT_ID, started.newSecret().getSecret(), started.toRetire()))
                .hasSize(1);
        ApiKeyCredential next =
                RotationExamples.rotateApiKey(base, DEMO_ORG_ID, DEMO_KEY_ID, DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY);
        try (AtlasCredentialsClient atlas = client(next)) {
            assertThat(atlas.listOrgApiKeys(DEMO_ORG_ID, PageRequest.defaults()).getTotalCount())
                    .isEqualTo(1);
        }
    }
}
