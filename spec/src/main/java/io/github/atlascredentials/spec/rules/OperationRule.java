package io.github.atlascredentials.spec.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * One operation of the spec: where it is, how it authenticates, which media-type versions it serves
 * (oldest first; empty when it is not versioned) and what its parameters and body must look like.
 * {@code rateLimit} names the {@code x-limits} entry that limits calls per client ({@code x-rate-limit});
 * {@code requiredRole} is the least role that may call it ({@code x-required-role}; null: the owner role of
 * what the path names).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OperationRule(
        String operationId,
        String method,
        String path,
        Authentication authentication,
        List<String> versions,
        List<String> requestContentTypes,
        List<ParameterRule> parameters,
        SchemaRule requestBody,
        String rateLimit,
        String requiredRole) {

    /** How callers of the operation authenticate. */
    public enum Authentication {
        /** The API schemes: an OAuth access token (Bearer) or a programmatic API key (Digest). */
        API_CREDENTIALS,
        /** HTTP Basic with a service account's client id and secret: the OAuth endpoints. */
        CLIENT_BASIC,
        /** No authentication. */
        NONE
    }

    public OperationRule {
        versions = versions == null ? List.of() : List.copyOf(versions);
        requestContentTypes = requestContentTypes == null ? List.of() : List.copyOf(requestContentTypes);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** Whether the operation speaks the date-versioned Atlas media types. */
    @JsonIgnore
    public boolean versioned() {
        return !versions.isEmpty();
    }

    /** The newest version's date ({@code YYYY-MM-DD}). */
    @JsonIgnore
    public Optional<String> latestVersion() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @JsonIgnore
    public List<ParameterRule> pathParameters() {
        return parameters.stream()
                .filter(p -> p.in() == ParameterRule.Location.PATH)
                .toList();
    }

    @JsonIgnore
    public List<ParameterRule> queryParameters() {
        return parameters.stream()
                .filter(p -> p.in() == ParameterRule.Location.QUERY)
                .toList();
    }

    public Optional<ParameterRule> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
