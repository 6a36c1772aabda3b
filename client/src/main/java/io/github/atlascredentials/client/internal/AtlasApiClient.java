package io.github.atlascredentials.client.internal;

import io.github.atlascredentials.client.AtlasClientException;
import io.github.atlascredentials.client.AtlasTransportException;
import io.github.atlascredentials.client.RetryPolicy;
import io.github.atlascredentials.client.generated.invoker.ApiClient;
import io.github.atlascredentials.client.generated.invoker.ApiException;
import io.github.atlascredentials.client.generated.invoker.ApiResponse;
import io.github.atlascredentials.client.generated.invoker.Pair;
import io.github.atlascredentials.client.generated.model.Envelope;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.glassfish.jersey.client.ClientConfig;

/**
 * The generated {@link ApiClient}, adjusted without touching generated sources: authentication is
 * left to our filters (the generator emits none of its own, see client/pom.xml), refused requests are
 * retried per {@link RetryPolicy}, errors become our exceptions, and operations whose spec lists an
 * {@code Envelope} 200 beside the real 201 deserialize the real type (the envelope is unwrapped
 * by {@link EnvelopeUnwrapFilter} before the body is read). Success bodies are read by
 * {@link SuccessBodyReader}.
 */
public final class AtlasApiClient extends ApiClient {
    private final RetryPolicy retryPolicy;
    private final Redactor redactor;
    private final SuccessBodyReader successReader;

    public AtlasApiClient(
            String basePath,
            String userAgent,
            RetryPolicy retryPolicy,
            Redactor redactor,
            Consumer<ClientConfig> configurer) {
        this.retryPolicy = retryPolicy;
        this.redactor = redactor;
        Client unused = getHttpClient();
        setBasePath(basePath);
        setUserAgent(userAgent);
        ClientConfig config = getDefaultClientConfig();
        configurer.accept(config);
        setClientConfig(config);
        unused.close();
        this.successReader = new SuccessBodyReader(getJSON().getMapper(), redactor);
    }

    /** Every 2xx body is read whole and checked against the spec, see {@link SuccessBodyReader}. */
    @Override
    public <T> T deserialize(Response response, GenericType<T> returnType) {
        if (returnType == null) {
            return null;
        }
        return successReader.read(response.getStatus(), readFully(response), returnType.getType());
    }

    private static SuccessBodyReader.Body readFully(Response response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = response.readEntity(InputStream.class)) {
            if (in != null) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    if (bytes.size() + n > SuccessBodyReader.MAX_BODY_BYTES) {
                        return SuccessBodyReader.Body.tooLarge(bytes.toByteArray());
                    }
                    bytes.write(buffer, 0, n);
                }
            }
            return new SuccessBodyReader.Body(bytes.toByteArray(), true);
        } catch (IOException | ProcessingException | IllegalStateException cutShort) {
            return new SuccessBodyReader.Body(bytes.toByteArray(), false);
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ApiResponse<T> invokeAPI(
            String operation,
            String path,
            String method,
            List<Pair> queryParams,
            Object body,
            Map<String, String> headerParams,
            Map<String, String> cookieParams,
            Map<String, Object> formParams,
            String accept,
            String contentType,
            String[] authNames,
            GenericType<T> returnType,
            boolean isBodyNullable,
            Map<String, GenericType> errorTypes) {
        GenericType<T> successType = (GenericType<T>) successType(returnType, errorTypes);
        try {
            return super.invokeAPI(
                    operation,
                    path,
                    method,
                    queryParams,
                    body,
                    headerParams,
                    cookieParams,
                    formParams,
                    accept,
                    contentType,
                    null,
                    successType,
                    isBodyNullable,
                    errorTypes);
        } catch (ApiException e) {
            throw ErrorTranslator.translate(e.getCode(), e.getResponseBody(), e.getResponseHeaders(), redactor);
        } catch (ProcessingException e) {
            throw unwrap(operation, e);
        }
    }

    /** An {@code Envelope} return type stands for the other 2xx type the spec lists for the operation. */
    @SuppressWarnings("rawtypes")
    private static GenericType successType(GenericType declared, Map<String, GenericType> byStatus) {
        if (declared == null || declared.getRawType() != Envelope.class || byStatus == null) {
            return declared;
        }
        for (Map.Entry<String, GenericType> entry : byStatus.entrySet()) {
            if (entry.getKey().startsWith("2") && entry.getValue().getRawType() != Envelope.class) {
                return entry.getValue();
            }
        }
        return declared;
    }

    private RuntimeException unwrap(String operation, ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AtlasClientException known) {
                return known;
            }
        }
        return new AtlasTransportException(
                operation + " failed: " + redactor.redact(String.valueOf(e.getMessage())), null);
    }

    @Override
    protected Response sendRequest(String method, Invocation.Builder invocationBuilder, Entity<?> entity) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            Response response = super.sendRequest(method, invocationBuilder, entity);
            RefusalHints hints = RefusalHints.of(response);
            Optional<Duration> delay = retryPolicy.delayBeforeNextAttempt(
                    attempt, waited, response.getStatus(), hints.retryAfter, hints.errorCode);
            if (delay.isEmpty()) {
                return response;
            }
            response.close();
            try {
                Thread.sleep(delay.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AtlasTransportException("interrupted while waiting to retry", e);
            }
            waited = waited.plus(delay.get());
        }
    }
}
