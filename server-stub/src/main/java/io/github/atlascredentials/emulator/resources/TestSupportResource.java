package io.github.atlascredentials.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.emulator.EmulatorControls;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.Json;
import io.github.atlascredentials.emulator.seed.SeedException;
import io.github.atlascredentials.emulator.seed.SeedParser;
import io.github.atlascredentials.emulator.state.SecretCreations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/**
 * Test support under /_emulator (not part of the public API): health, reset, seed, clock, faults,
 * holds of secret creations, Atlas rate limits. Who may
 * call it is decided before, by {@code TestSupportGuard}.
 */
@Path("/_emulator")
@Produces(MediaType.APPLICATION_JSON)
public final class TestSupportResource {
    private final EmulatorControls emulator;
    private final boolean detailedHealth;

    /** {@code detailedHealth} false: health answers only the status (it is open even where the rest needs a token). */
    public TestSupportResource(EmulatorControls emulator, boolean detailedHealth) {
        this.emulator = emulator;
        this.detailedHealth = detailedHealth;
    }

    @GET
    @Path("/health")
    public ObjectNode health() {
        ObjectNode body = Json.MAPPER.createObjectNode().put("status", "UP");
        if (detailedHealth) {
            body.put("persistent", emulator.isPersistent());
        }
        return body;
    }

    @POST
    @Path("/reset")
    public ObjectNode reset() {
        emulator.reset();
        return Json.MAPPER.createObjectNode().put("status", "RESET");
    }

    @POST
    @Path("/seed")
    public ObjectNode seed(byte[] document, @QueryParam("replace") String replace) {
        boolean replacing = "true".equals(replace);
        if (!replacing && replace != null && !"false".equals(replace)) {
            throw ApiProblem.of(ErrorCode.INVALID_QUERY_PARAMETER, "replace", "is neither true nor false");
        }
        try {
            var parsed = SeedParser.parse("request body", document);
            // Adding to what is there refuses ids that exist already (the demo seed's, say); replacing starts afresh.
            if (replacing) {
                emulator.replaceSeed(parsed);
            } else {
                emulator.loadSeed(parsed);
            }
        } catch (SeedException e) {
            throw ApiProblem.of(
                    ErrorCode.INVALID_SEED,
                    e.jsonPath(),
                    e.getMessage()
                            + (replacing
                                    ? ""
                                    : " (POST /_emulator/seed?replace=true replaces the emulator's data instead of adding to it)"));
        }
        return Json.MAPPER.createObjectNode().put("status", replacing ? "REPLACED" : "LOADED");
    }

    @GET
    @Path("/clock")
    public ObjectNode clock() {
        return clockBody();
    }

    @POST
    @Path("/clock/advance")
    public ObjectNode advance(@QueryParam("seconds") String seconds) {
        long by;
        try {
            by = Long.parseLong(seconds == null ? "" : seconds);
        } catch (NumberFormatException e) {
            throw ApiProblem.of(ErrorCode.INVALID_QUERY_PARAMETER, "seconds", "is not a whole number of seconds >= 0");
        }
        if (by < 0) {
            throw ApiProblem.of(ErrorCode.INVALID_QUERY_PARAMETER, "seconds", "is not a whole number of seconds >= 0");
        }
        emulator.clock().advance(Duration.ofSeconds(by));
        return clockBody();
    }

    /** The next request of {@code operationId} fails with 500 or 503 ({@link EmulatorControls#failNextRequest}). */
    @POST
    @Path("/faults")
    public ObjectNode fault(
            @QueryParam("operationId") String operationId,
            @QueryParam("status") String status,
            @QueryParam("retryAfter") String retryAfter) {
        try {
            emulator.failNextRequest(
                    operationId == null ? "" : operationId,
                    whole(status, "status"),
                    retryAfter == null ? null : (long) whole(retryAfter, "retryAfter"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(ErrorCode.INVALID_QUERY_PARAMETER, "operationId", "is refused: " + e.getMessage());
        }
        return Json.MAPPER.createObjectNode().put("status", "ARMED");
    }

    /** Holds the secret creations of {@code clientId} ({@link EmulatorControls#holdSecretCreations}). */
    @POST
    @Path("/secret-creations/hold")
    public ObjectNode hold(@QueryParam("clientId") String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw ApiProblem.of(ErrorCode.INVALID_QUERY_PARAMETER, "clientId", "is required");
        }
        if (emulator.secretCreations().holdOf(clientId).isEmpty()) {
            emulator.holdSecretCreations(clientId);
        }
        return holdBody(clientId);
    }

    /** Whether a creation of {@code clientId} has arrived and is held. */
    @GET
    @Path("/secret-creations/hold")
    public ObjectNode holdState(@QueryParam("clientId") String clientId) {
        return holdBody(clientId == null ? "" : clientId);
    }

    @POST
    @Path("/secret-creations/release")
    public ObjectNode release(@QueryParam("clientId") String clientId) {
        emulator.secretCreations().holdOf(clientId == null ? "" : clientId).ifPresent(SecretCreations.Hold::release);
        return holdBody(clientId == null ? "" : clientId);
    }

    /** Sets the Atlas v2 token buckets until the next reset ({@link EmulatorControls#atlasRateLimit}). */
    @POST
    @Path("/rate-limits/atlas")
    public ObjectNode atlasRateLimit(
            @QueryParam("capacity") String capacity,
            @QueryParam("refill") String refill,
            @QueryParam("seconds") String seconds) {
        int c = whole(capacity, "capacity");
        int r = whole(refill, "refill");
        int s = whole(seconds, "seconds");
        if (c < 1 || r < 1 || s < 1) {
            throw ApiProblem.of(
                    ErrorCode.INVALID_QUERY_PARAMETER, "capacity", "and refill and seconds must each be at least 1");
        }
        emulator.atlasRateLimit(c, r, s);
        return Json.MAPPER
                .createObjectNode()
                .put("capacity", c)
                .put("refill", r)
                .put("seconds", s);
    }

    private static int whole(String value, String name) {
        try {
            return Integer.parseInt(value == null ? "" : value);
        } catch (NumberFormatException e) {
            throw ApiProblem.of(ErrorCode.INVALID_QUERY_PARAMETER, name, "is not a whole number");
        }
    }

    private ObjectNode holdBody(String clientId) {
        var hold = emulator.secretCreations().holdOf(clientId);
        return Json.MAPPER
                .createObjectNode()
                .put("clientId", clientId)
                .put("armed", hold.isPresent())
                .put("held", hold.map(SecretCreations.Hold::isHeld).orElse(false));
    }

    private ObjectNode clockBody() {
        return Json.MAPPER
                .createObjectNode()
                .put("now", emulator.clock().nowSeconds().toString())
                .put("offsetSeconds", emulator.clock().offset().getSeconds());
    }
}
