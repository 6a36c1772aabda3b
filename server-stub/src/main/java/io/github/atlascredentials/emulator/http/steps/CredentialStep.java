package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.auth.DigestAuthenticator;
import io.github.atlascredentials.emulator.auth.Principal;
import io.github.atlascredentials.emulator.auth.TokenService;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.emulator.state.EmulatorState;
import io.github.atlascredentials.emulator.state.ServiceAccount;
import io.github.atlascredentials.emulator.state.StoredApiKey;
import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;

/** The API credentials: a bearer access token or HTTP Digest with an API key (401 with a challenge otherwise). */
public final class CredentialStep implements RequestStep {
    private final EmulatorState state;
    private final TokenService tokens;
    private final DigestAuthenticator digest;

    public CredentialStep(EmulatorState state, TokenService tokens, DigestAuthenticator digest) {
        this.state = state;
        this.tokens = tokens;
        this.digest = digest;
    }

    @Override
    public void apply(ApiRequest request) {
        if (request.operation().authentication() != OperationRule.Authentication.API_CREDENTIALS) {
            return;
        }
        request.principal(authenticate(request));
    }

    private Principal authenticate(ApiRequest request) {
        String authorization = request.header(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            String trimmed = authorization.trim();
            if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
                // A token dies with the secret that obtained it: the secret must still exist.
                var account = tokens.authenticate(trimmed.substring(7).trim())
                        .filter(owner -> state.hasSecret(owner.clientId(), owner.secretId()))
                        .flatMap(owner -> state.serviceAccount(owner.clientId()));
                if (account.isPresent()) {
                    ServiceAccount sa = account.get();
                    return new Principal(
                            Principal.Kind.SERVICE_ACCOUNT, sa.clientId(), sa.orgId(), sa.roles(), sa.projectRoles());
                }
            } else if (trimmed.regionMatches(true, 0, "Digest ", 0, 7)) {
                // The URI as sent, which the client signed (routing never rewrites it).
                String target = request.rawPath() + (request.rawQuery() != null ? "?" + request.rawQuery() : "");
                DigestAuthenticator.Outcome outcome =
                        digest.authenticate(request.method(), target, request.rawPath(), trimmed.substring(7));
                if (outcome instanceof DigestAuthenticator.Authenticated ok) {
                    StoredApiKey key = ok.key();
                    return new Principal(
                            Principal.Kind.API_KEY,
                            key.publicKey(),
                            key.orgId(),
                            Set.copyOf(key.roles()),
                            key.projectRoles());
                }
                throw unauthorized(((DigestAuthenticator.Refused) outcome).stale());
            }
        }
        throw unauthorized(false);
    }

    private ApiProblem unauthorized(boolean stale) {
        return ApiProblem.of(ErrorCode.USER_UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, digest.challenge(stale));
    }
}
