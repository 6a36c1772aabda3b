package io.github.atlascredentials.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.Json;
import io.github.atlascredentials.emulator.seed.SeedException;
import io.github.atlascredentials.emulator.seed.SeedParser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

/**
 * Test support under /_emulator (not part of the public API): health, reset, seed, clock. Who may
 * call it is decided before, by {@code TestSupportGuard}.
 */
@Path("/_emulator")
@Produces(MediaType.APPLICATION_JSON)
public final class TestSupportResource {
    private final AtlasEmulator emulator;
    private final boolean detailedHealth;

    /** {@code detailedHealth} false: health answers only the status (it is open even where the rest needs a token). */
    public TestSupportResource(AtlasEmulator emulator, boolean detailedHealth) {
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
    public ObjectNode seed(byte[] document) {
        try {
            emulator.loadSeed(SeedParser.parse("request body", document));
        } catch (SeedException e) {
            throw ApiProblem.api(400, "INVALID_SEED", e.getMessage(), e.jsonPath());
        }
        return Json.MAPPER.createObjectNode().put("status", "LOADED");
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
            throw ApiProblem.api(400, "INVALID_QUERY_PARAMETER", "seconds must be a whole number of seconds >= 0.", "seconds");
        }
        if (by < 0) {
            throw ApiProblem.api(400, "INVALID_QUERY_PARAMETER", "seconds must be a whole number of seconds >= 0.", "seconds");
        }
        emulator.clock().advance(Duration.ofSeconds(by));
        return clockBody();
    }

    private ObjectNode clockBody() {
        return Json.MAPPER.createObjectNode()
                .put("now", emulator.clock().nowSeconds().toString())
                .put("offsetSeconds", emulator.clock().offset().getSeconds());
    }
}
