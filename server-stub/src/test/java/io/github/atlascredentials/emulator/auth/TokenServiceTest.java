package io.github.atlascredentials.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.emulator.EmulatorClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The active-token cap per account, token lifetime to the millisecond, revocation and masking. */
class TokenServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(T0, ZoneOffset.UTC));
    private final TokenService tokens = new TokenService(clock, 2);

    @Test
    void capCountsActiveTokensPerAccount() {
        assertThat(tokens.maxActivePerAccount()).isEqualTo(2);
        assertThat(tokens.issue("a", "s1")).isPresent();
        assertThat(tokens.issue("a", "s1")).isPresent();
        assertThat(tokens.issue("a", "s1")).isEmpty();
        assertThat(tokens.issue("b", "s1")).isPresent();
    }

    @Test
    void revokedTokenFreesItsPlaceAndNoLongerAuthenticates() {
        String first = tokens.issue("a", "s1").orElseThrow().accessToken();
        String second = tokens.issue("a", "s1").orElseThrow().accessToken();
        assertThat(tokens.revoke(first, "a")).isEqualTo(TokenService.Revocation.REVOKED);
        assertThat(tokens.revoke(first, "a")).isEqualTo(TokenService.Revocation.NOTHING_TO_REVOKE);
        assertThat(tokens.authenticate(first)).isEmpty();
        assertThat(tokens.authenticate(second).map(TokenService.TokenOwner::clientId))
                .contains("a");
        assertThat(tokens.issue("a", "s1")).isPresent();
        assertThat(tokens.issue("a", "s1")).isEmpty();
    }

    @Test
    void revocationByAnotherAccountOrOfAnUnknownTokenIsIgnored() {
        String token = tokens.issue("a", "s1").orElseThrow().accessToken();
        assertThat(tokens.revoke(token, "b")).isEqualTo(TokenService.Revocation.ISSUED_TO_ANOTHER_CLIENT);
        assertThat(tokens.revoke("unknown", "a")).isEqualTo(TokenService.Revocation.NOTHING_TO_REVOKE);
        assertThat(tokens.authenticate(token).map(TokenService.TokenOwner::clientId))
                .contains("a");
    }

    @Test
    void tokensObtainedWithADeletedSecretAreRevokedAndFreeTheirPlaces() {
        String withFirst = tokens.issue("a", "s1").orElseThrow().accessToken();
        String withSecond = tokens.issue("a", "s2").orElseThrow().accessToken();
        assertThat(tokens.authenticate(withSecond)).contains(new TokenService.TokenOwner("a", "s2"));
        tokens.revokeIssuedWith("a", "s1");
        tokens.revokeIssuedWith("nobody", "s1");
        assertThat(tokens.authenticate(withFirst)).isEmpty();
        assertThat(tokens.authenticate(withSecond)).contains(new TokenService.TokenOwner("a", "s2"));
        assertThat(tokens.revoke(withFirst, "a")).isEqualTo(TokenService.Revocation.NOTHING_TO_REVOKE);
        assertThat(tokens.issue("a", "s2")).isPresent();
        assertThat(tokens.issue("a", "s2")).isEmpty();
    }

    @Test
    void expiredTokenCannotBeRevoked() {
        String token = tokens.issue("a", "s1").orElseThrow().accessToken();
        clock.advance(TokenService.LIFETIME);
        assertThat(tokens.revoke(token, "a")).isEqualTo(TokenService.Revocation.NOTHING_TO_REVOKE);
    }

    @Test
    void tokenLivesExactlyItsLifetime() {
        TokenService.IssuedToken issued = tokens.issue("a", "s1").orElseThrow();
        assertThat(issued.expiresInSeconds())
                .isEqualTo(TokenService.LIFETIME.getSeconds())
                .isPositive();
        clock.advance(TokenService.LIFETIME.minusMillis(1));
        assertThat(tokens.authenticate(issued.accessToken()).map(TokenService.TokenOwner::clientId))
                .contains("a");
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.authenticate(issued.accessToken())).isEmpty();
    }

    @Test
    void expiredTokensFreeTheirPlacesWhileActiveOnesKeepWorking() {
        String early = tokens.issue("a", "s1").orElseThrow().accessToken();
        clock.advance(Duration.ofSeconds(10));
        String late = tokens.issue("a", "s1").orElseThrow().accessToken();
        clock.advance(TokenService.LIFETIME.minusSeconds(10)); // the early one has just expired
        Optional<TokenService.IssuedToken> third = tokens.issue("a", "s1");
        assertThat(third).isPresent();
        assertThat(tokens.authenticate(late).map(TokenService.TokenOwner::clientId))
                .contains("a");
        assertThat(tokens.authenticate(third.get().accessToken()).map(TokenService.TokenOwner::clientId))
                .contains("a");
        assertThat(tokens.authenticate(early)).isEmpty();
        assertThat(tokens.issue("a", "s1")).isEmpty();
    }

    @Test
    void tokenIsJwtShapedWithSubjectAndTimes() {
        String token = tokens.issue("mdb_sa_id_x", "s1").orElseThrow().accessToken();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        long iat = T0.getEpochSecond();
        assertThat(payload)
                .startsWith("{\"sub\":\"mdb_sa_id_x\",\"iat\":" + iat + ",\"exp\":"
                        + (iat + TokenService.LIFETIME.getSeconds()) + ",\"jti\":\"");
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(32);
        assertThat(tokens.issue("mdb_sa_id_x", "s1").orElseThrow().accessToken())
                .isNotEqualTo(token);
    }

    @Test
    void clearForgetsAllTokensAndCounts() {
        String token = tokens.issue("a", "s1").orElseThrow().accessToken();
        tokens.issue("a", "s1");
        tokens.clear();
        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(tokens.issue("a", "s1")).isPresent();
    }

    @Test
    void issuedTokenMasksItsValue() {
        TokenService.IssuedToken issued = tokens.issue("a", "s1").orElseThrow();
        assertThat(issued.toString())
                .doesNotContain(issued.accessToken())
                .contains("****")
                .contains("expiresIn=" + TokenService.LIFETIME.getSeconds());
    }

    @Test
    void aFixtureTokenActsForItsAccountForALifetimeAndCountsAsActive() {
        tokens.acceptFixture("fixture-token", "a", "s1");
        assertThat(tokens.authenticate("fixture-token")).contains(new TokenService.TokenOwner("a", "s1"));
        assertThat(tokens.issue("a", "s1")).isPresent();
        assertThat(tokens.issue("a", "s1"))
                .as("the fixture token is one of the 2 active tokens")
                .isEmpty();

        clock.advance(TokenService.LIFETIME.minusSeconds(1));
        assertThat(tokens.authenticate("fixture-token")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.authenticate("fixture-token")).isEmpty();
    }
}
