package io.github.atlascredentials.emulator.auth;

import io.github.atlascredentials.emulator.EmulatorClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The active-token cap per account, token lifetime to the millisecond, revocation and masking. */
class TokenServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(T0, ZoneOffset.UTC));
    private final TokenService tokens = new TokenService(clock, 2);

    @Test
    void capCountsActiveTokensPerAccount() {
        assertThat(tokens.maxActivePerAccount()).isEqualTo(2);
        assertThat(tokens.issue("a")).isPresent();
        assertThat(tokens.issue("a")).isPresent();
        assertThat(tokens.issue("a")).isEmpty();
        assertThat(tokens.issue("b")).isPresent();
    }

    @Test
    void revokedTokenFreesItsPlaceAndNoLongerAuthenticates() {
        String first = tokens.issue("a").orElseThrow().accessToken();
        String second = tokens.issue("a").orElseThrow().accessToken();
        tokens.revoke(first, "a");
        assertThat(tokens.authenticate(first)).isEmpty();
        assertThat(tokens.authenticate(second)).contains("a");
        assertThat(tokens.issue("a")).isPresent();
        assertThat(tokens.issue("a")).isEmpty();
    }

    @Test
    void revocationByAnotherAccountOrOfAnUnknownTokenIsIgnored() {
        String token = tokens.issue("a").orElseThrow().accessToken();
        tokens.revoke(token, "b");
        tokens.revoke("unknown", "a");
        assertThat(tokens.authenticate(token)).contains("a");
    }

    @Test
    void tokenLivesExactlyItsLifetime() {
        TokenService.IssuedToken issued = tokens.issue("a").orElseThrow();
        assertThat(issued.expiresInSeconds()).isEqualTo(TokenService.LIFETIME.getSeconds()).isPositive();
        clock.advance(TokenService.LIFETIME.minusMillis(1));
        assertThat(tokens.authenticate(issued.accessToken())).contains("a");
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.authenticate(issued.accessToken())).isEmpty();
    }

    @Test
    void expiredTokensFreeTheirPlacesWhileActiveOnesKeepWorking() {
        String early = tokens.issue("a").orElseThrow().accessToken();
        clock.advance(Duration.ofSeconds(10));
        String late = tokens.issue("a").orElseThrow().accessToken();
        clock.advance(TokenService.LIFETIME.minusSeconds(10)); // the early one has just expired
        Optional<TokenService.IssuedToken> third = tokens.issue("a");
        assertThat(third).isPresent();
        assertThat(tokens.authenticate(late)).contains("a");
        assertThat(tokens.authenticate(third.get().accessToken())).contains("a");
        assertThat(tokens.authenticate(early)).isEmpty();
        assertThat(tokens.issue("a")).isEmpty();
    }

    @Test
    void tokenIsJwtShapedWithSubjectAndTimes() {
        String token = tokens.issue("mdb_sa_id_x").orElseThrow().accessToken();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        long iat = T0.getEpochSecond();
        assertThat(payload).startsWith("{\"sub\":\"mdb_sa_id_x\",\"iat\":" + iat + ",\"exp\":"
                + (iat + TokenService.LIFETIME.getSeconds()) + ",\"jti\":\"");
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(32);
        assertThat(tokens.issue("mdb_sa_id_x").orElseThrow().accessToken()).isNotEqualTo(token);
    }

    @Test
    void clearForgetsAllTokensAndCounts() {
        String token = tokens.issue("a").orElseThrow().accessToken();
        tokens.issue("a");
        tokens.clear();
        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(tokens.issue("a")).isPresent();
    }

    @Test
    void issuedTokenMasksItsValue() {
        TokenService.IssuedToken issued = tokens.issue("a").orElseThrow();
        assertThat(issued.toString()).doesNotContain(issued.accessToken()).contains("****")
                .contains("expiresIn=" + TokenService.LIFETIME.getSeconds());
    }
}
