package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.http.Answers;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.emulator.state.EmulatorState;
import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * HTTP Basic with a service account's client id and secret, on the OAuth endpoints. An expired secret
 * still identifies the client: each endpoint decides what that means for it.
 */
public final class ClientCredentialStep implements RequestStep {
    private final EmulatorState state;

    public ClientCredentialStep(EmulatorState state) {
        this.state = state;
    }

    @Override
    public void apply(ApiRequest request) {
        if (request.operation().authentication() != OperationRule.Authentication.CLIENT_BASIC) {
            return;
        }
        BasicCredentials basic = BasicCredentials.parse(request.header(HttpHeaders.AUTHORIZATION));
        if (basic == null) {
            throw Answers.invalidClient();
        }
        EmulatorState.SecretMatch match = state.checkSecret(basic.clientId(), basic.secret());
        if (match.check() == EmulatorState.SecretCheck.UNKNOWN) {
            throw Answers.invalidClient();
        }
        request.client(new ApiRequest.OAuthClient(
                basic.clientId(), match.secret(), match.check() == EmulatorState.SecretCheck.EXPIRED));
    }
}
