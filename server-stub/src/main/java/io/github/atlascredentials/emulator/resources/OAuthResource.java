package io.github.atlascredentials.emulator.resources;

import io.github.atlascredentials.emulator.SpecFacts;
import io.github.atlascredentials.emulator.auth.TokenService;
import io.github.atlascredentials.emulator.generated.api.OAuthApi;
import io.github.atlascredentials.emulator.generated.errors.OAuthErrorCode;
import io.github.atlascredentials.emulator.generated.model.TokenResponse;
import io.github.atlascredentials.emulator.http.Answers;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.state.EmulatorState;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The OAuth 2.0 token and revocation endpoints. The steps have already identified the client by its Basic credentials. */
public final class OAuthResource implements OAuthApi {
    private final EmulatorState state;
    private final TokenService tokens;

    public OAuthResource(EmulatorState state, TokenService tokens) {
        this.state = state;
        this.tokens = tokens;
    }

    @Override
    public Response requestAccessToken(String grantType, Boolean pretty, Boolean envelope) {
        ApiRequest.OAuthClient client = ApiRequest.current().client();
        if (grantType == null || grantType.isBlank()) {
            throw ApiProblem.oauth(OAuthErrorCode.INVALID_REQUEST, "the grant_type parameter is required.");
        }
        if (!SpecFacts.GRANT_TYPES.contains(grantType)) {
            throw ApiProblem.oauth(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, String.join(", ", SpecFacts.GRANT_TYPES));
        }
        if (client.secretExpired()) {
            throw ApiProblem.oauth(OAuthErrorCode.INVALID_GRANT);
        }
        TokenService.IssuedToken token = tokens.issue(
                        client.clientId(), client.secret().id())
                .orElseThrow(() -> ApiProblem.oauth(OAuthErrorCode.ACCESS_DENIED, tokens.maxActivePerAccount()));
        state.markUsed(client.secret());
        TokenResponse body = new TokenResponse()
                .accessToken(token.accessToken())
                .expiresIn((int) token.expiresInSeconds())
                .tokenType(TokenResponse.TokenTypeEnum.BEARER);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    @Override
    public Response revokeAccessToken(String token, Boolean pretty, Boolean envelope, String tokenTypeHint) {
        ApiRequest.OAuthClient client = ApiRequest.current().client();
        if (client.secretExpired()) {
            throw Answers.invalidClient(); // an expired secret may no longer act for its account here
        }
        if (token == null || token.isEmpty()) {
            throw ApiProblem.oauth(OAuthErrorCode.INVALID_REQUEST, "the token parameter is required.");
        }
        if (tokenTypeHint != null && !SpecFacts.TOKEN_TYPE_HINTS.contains(tokenTypeHint)) {
            throw ApiProblem.oauth(
                    OAuthErrorCode.INVALID_REQUEST,
                    "token_type_hint must be " + String.join(", ", SpecFacts.TOKEN_TYPE_HINTS) + ".");
        }
        if (tokens.revoke(token, client.clientId()) == TokenService.Revocation.ISSUED_TO_ANOTHER_CLIENT) {
            // RFC 7009 section 2.1: the token was not issued to this client; the status is documented.
            throw ApiProblem.oauth(OAuthErrorCode.ACCESS_DENIED_TOKEN_OF_ANOTHER_CLIENT);
        }
        return Response.ok().build();
    }
}
