package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The test-support answers' last step: the headers every answer carries, and JSON bytes ({@code pretty=true}). */
@Priority(1)
public final class TestSupportAnswers implements ContainerResponseFilter {
    private final Map<String, String> serviceHeaders;

    public TestSupportAnswers(String serviceVersion) {
        this.serviceHeaders = ResponseFinisher.serviceHeaders(serviceVersion);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        serviceHeaders.forEach(response.getHeaders()::putSingle);
        Object entity = response.getEntity();
        if (entity == null || entity instanceof byte[] || entity instanceof String) {
            return;
        }
        MediaType type = response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
        boolean pretty = request.getUriInfo().getRequestUri().getRawQuery() != null
                && ResponseFinisher.isTrue(request.getUriInfo().getQueryParameters(), "pretty");
        try {
            byte[] bytes = (pretty ? ResponseFinisher.PRETTY : ResponseFinisher.COMPACT).writeValueAsBytes(entity);
            response.setEntity(bytes, null, type);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.toString());
        } catch (JsonProcessingException e) {
            response.setStatus(500);
            response.setEntity(
                    ApiProblem.of(ErrorCode.UNEXPECTED_ERROR).bodyBytes(), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
