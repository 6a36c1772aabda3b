package io.github.atlascredentials.client.examples;

import io.github.atlascredentials.client.AtlasApiException;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.AtlasTransportException;
import io.github.atlascredentials.client.AtlasValidationException;
import io.github.atlascredentials.client.RetryPolicy;
import io.github.atlascredentials.client.auth.Credential;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import java.time.Duration;

/** Error handling and retry settings, as docs/4-errors-and-retries.md shows them. */
public final class HandlingErrors {
    private HandlingErrors() {}

    /** A client that retries a refused request (429, 503) up to 5 times within 2 minutes of waiting. */
    public static AtlasCredentialsClient patientClient(String baseUrl, Credential credential) {
        // snippet:start retry-policy
        return AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(credential)
                .retryPolicy(RetryPolicy.of(5, Duration.ofMinutes(2), Duration.ofSeconds(2)))
                .build();
        // snippet:end retry-policy
    }

    /** Creates a secret and says what happened, in one line. */
    public static String createSecret(AtlasCredentialsClient atlas, String orgId, String clientId, int hours) {
        // snippet:start handle-errors
        try {
            ServiceAccountSecret created = atlas.createOrgServiceAccountSecret(orgId, clientId, hours);
            return "created " + created.getId();
        } catch (AtlasValidationException e) {
            // Refused before sending: nothing reached the service.
            return "not sent: " + e.violations();
        } catch (AtlasApiException e) {
            // The service answered with an error (after any retries of a 429 or 503).
            if (e.isErrorCode("MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED")) {
                return "limit reached: delete an unused secret first";
            }
            if (!e.fieldErrors().isEmpty()) {
                return "invalid request: " + e.fieldErrors(); // badRequestDetail.fields
            }
            return "HTTP " + e.status() + " " + e.errorCode().orElse("(no errorCode)") + ": "
                    + e.detail().orElse("");
        } catch (AtlasTransportException e) {
            // No answer (refused connection, timeout, dropped connection). Never retried by the
            // client: the secret may or may not exist now.
            return "unknown outcome: " + e.getMessage();
        }
        // snippet:end handle-errors
    }
}
