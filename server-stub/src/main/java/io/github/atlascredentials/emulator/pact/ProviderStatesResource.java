package io.github.atlascredentials.emulator.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.emulator.EmulatorControls;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.Json;
import jakarta.inject.Provider;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.Request;

/**
 * The Pact state-change endpoint, {@code POST /_emulator/pact/provider-states}: what pact-js, pact-python,
 * pact-go, the Pact CLI (Rust verifier) and Pact JVM call before each interaction. Accepts the body
 * {@code {"state": "...", "params": {...}, "action": "setup" | "teardown"}}, the older forms
 * {@code {"state": "..."}} and {@code {"states": ["...", ...]}}, and the same as query parameters (a verifier
 * told not to send a body). Setup applies the states of {@link ProviderStateCatalogue}; teardown brings the
 * emulator back to its seed. Test support: guarded like every path under {@code /_emulator/}.
 */
@Path("/_emulator/pact")
@Produces(MediaType.APPLICATION_JSON)
public final class ProviderStatesResource {
    private static final Logger LOG = Logger.getLogger(ProviderStatesResource.class.getName());

    private final EmulatorControls emulator;

    @Context
    private Provider<Request> grizzlyRequest;

    public ProviderStatesResource(EmulatorControls emulator) {
        this.emulator = emulator;
    }

    @POST
    @Path("/provider-states")
    public ObjectNode change(byte[] body, @Context UriInfo uri) {
        StateChange change = StateChange.read(body, uri.getQueryParameters());
        ObjectNode answer = Json.MAPPER.createObjectNode().put("action", change.teardown() ? "teardown" : "setup");
        if (change.teardown()) {
            // Back to the seed: holds, faults and fixed nonces of the state end with it.
            emulator.reset();
            return answer;
        }
        List<ProviderState> states = new ArrayList<>();
        for (String name : change.states()) {
            states.add(ProviderStateCatalogue.state(name).orElseThrow(() -> unknown(name)));
        }
        ArrayNode applied = answer.putArray("states");
        for (int i = 0; i < states.size(); i++) {
            ProviderState state = states.get(i);
            Map<String, Object> values;
            try {
                values = state.setup()
                        .apply(
                                new FixtureWorld(emulator, remoteAddress()),
                                new StateParameters(state.name(), state.defaults(), change.params()));
            } catch (StateParameters.InvalidStateParameter e) {
                throw ApiProblem.of(ErrorCode.INVALID_PROVIDER_STATE_PARAMETER, state.name(), e.getMessage());
            }
            values.forEach((key, value) -> answer.putPOJO(key, value));
            applied.add(state.name());
            LOG.fine(() -> "provider state set: " + state.name());
        }
        return answer;
    }

    private static ApiProblem unknown(String name) {
        List<String> known = ProviderStateCatalogue.states().stream()
                .map(ProviderState::name)
                .toList();
        return ApiProblem.of(
                ErrorCode.UNKNOWN_PROVIDER_STATE, abbreviated(name), "\"" + String.join("\", \"", known) + "\"");
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private String remoteAddress() {
        try {
            return grizzlyRequest == null ? null : grizzlyRequest.get().getRemoteAddr();
        } catch (RuntimeException e) {
            return null; // not on Grizzly: the rate-limit window of an unknown address
        }
    }

    /** One state-change call, read from the body (any of the forms) or from query parameters. */
    record StateChange(List<String> states, JsonNode params, boolean teardown) {
        static StateChange read(byte[] body, MultivaluedMap<String, String> query) {
            JsonNode json;
            if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
                json = Json.MAPPER.createObjectNode();
                query.forEach((name, values) -> {
                    if (!values.isEmpty()) {
                        ((ObjectNode) json).put(name, values.get(0));
                    }
                });
            } else {
                try {
                    json = Json.MAPPER.readTree(body);
                } catch (IOException e) {
                    throw invalid("The state change is not JSON.");
                }
            }
            if (!json.isObject()) {
                throw invalid("The state change must be a JSON object.");
            }
            String action = json.path("action").asText("setup");
            if (!action.equals("setup") && !action.equals("teardown")) {
                throw invalid("action must be setup or teardown.");
            }
            List<String> states = new ArrayList<>();
            if (json.path("state").isTextual()) {
                states.add(json.path("state").asText());
            }
            json.path("states").forEach(s -> {
                if (s.isTextual()) {
                    states.add(s.asText());
                } else if (s.path("name").isTextual()) {
                    states.add(s.path("name").asText());
                }
            });
            if (states.isEmpty() && !action.equals("teardown")) {
                throw invalid(
                        "A state change names its state: {\"state\": \"...\", \"params\": {...}, \"action\": \"setup\"}.");
            }
            JsonNode params = json.path("params");
            if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
                throw invalid("params must be a JSON object.");
            }
            return new StateChange(List.copyOf(states), params.isObject() ? params : null, action.equals("teardown"));
        }

        private static ApiProblem invalid(String detail) {
            return ApiProblem.of(ErrorCode.INVALID_PROVIDER_STATE_CHANGE, detail);
        }
    }
}
