package io.github.atlascredentials.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.emulator.SpecFacts;
import io.github.atlascredentials.emulator.generated.model.ApiKeyRequest;
import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The pipeline calls an operation's resource method itself: the method named by the operationId, its
 * parameters bound from the route's path parameters, the query (with its defaults), the decoded form and the
 * validated body, as JAX-RS would have bound them.
 */
class ResourceMethodsTest {
    private static final String ORG = "4888442a3354817a7320eb61";

    /** Stands for a generated interface: JAX-RS annotations, methods named after operationIds. */
    public interface Api {
        @GET
        Response listOrgApiKeys(
                @PathParam("orgId") String orgId,
                @QueryParam("itemsPerPage") @DefaultValue("100") Integer itemsPerPage,
                @QueryParam("pageNum") @DefaultValue("1") Integer pageNum,
                @QueryParam("pretty") @DefaultValue("false") Boolean pretty);

        @POST
        Response createAtlasOrgApiKey(
                @PathParam("orgId") String orgId, ApiKeyRequest body, @QueryParam("pretty") Boolean pretty);

        @POST
        Response requestAccessToken(
                @FormParam("grant_type") String grantType,
                @QueryParam("envelope") @DefaultValue("false") Boolean envelope);
    }

    /** Answers with the arguments it was called with. */
    public static final class Echo implements Api {
        @Override
        public Response listOrgApiKeys(String orgId, Integer itemsPerPage, Integer pageNum, Boolean pretty) {
            return Response.ok(Arrays.asList(orgId, itemsPerPage, pageNum, pretty))
                    .build();
        }

        @Override
        public Response createAtlasOrgApiKey(String orgId, ApiKeyRequest body, Boolean pretty) {
            return Response.ok(Arrays.asList(orgId, body, pretty)).build();
        }

        @Override
        public Response requestAccessToken(String grantType, Boolean envelope) {
            return Response.ok(Arrays.asList(grantType, envelope)).build();
        }
    }

    private final ResourceMethods methods = ResourceMethods.of(List.of(new Echo()));

    @Test
    void theOperationsAreTheInterfaceMethods() {
        assertThat(methods.operationIds())
                .containsExactlyInAnyOrder("listOrgApiKeys", "createAtlasOrgApiKey", "requestAccessToken");
    }

    @Test
    void pathAndQueryParametersAreBoundWithTheirDefaults() {
        String path = "/api/atlas/v2/orgs/" + ORG + "/apiKeys";
        assertThat(call("listOrgApiKeys", "GET", path, "pageNum=3&pretty=true", null))
                .containsExactly(ORG, 100, 3, true);
        assertThat(call("listOrgApiKeys", "GET", path, null, null)).containsExactly(ORG, 100, 1, false);
    }

    @Test
    void theValidatedBodyIsReadIntoTheGeneratedModel() {
        List<Object> arguments = call(
                "createAtlasOrgApiKey",
                "POST",
                "/api/atlas/v2/orgs/" + ORG + "/apiKeys",
                null,
                request -> request.json(Json.MAPPER
                        .createObjectNode()
                        .put("desc", "probe")
                        .set("roles", Json.MAPPER.createArrayNode().add("ORG_OWNER"))));
        assertThat(arguments.get(0)).isEqualTo(ORG);
        assertThat(((ApiKeyRequest) arguments.get(1)).getDesc()).isEqualTo("probe");
        assertThat(arguments.get(2)).isNull();
    }

    @Test
    void formParametersComeFromTheDecodedForm() {
        assertThat(call(
                        "requestAccessToken",
                        "POST",
                        "/api/oauth/token",
                        null,
                        request -> request.form(Map.of("grant_type", List.of("client_credentials", "ignored")))))
                .containsExactly("client_credentials", false);
    }

    @Test
    void anOperationWithoutAMethodIsNotImplemented() {
        assertThatThrownBy(
                        () -> call("getOrgApiKey", "GET", "/api/atlas/v2/orgs/" + ORG + "/apiKeys/" + ORG, null, null))
                .isInstanceOf(ApiProblem.class)
                .hasMessage("NOT_IMPLEMENTED");
    }

    /** Stands for a generated interface with a parameter source the emulator does not bind. */
    public interface WithHeader {
        @GET
        Response listOrgApiKeys(@HeaderParam("X-Probe") String probe);
    }

    @Test
    void aParameterSourceThatIsNotBoundFailsAtStartUp() {
        WithHeader resource = probe -> Response.ok().build();
        assertThatThrownBy(() -> ResourceMethods.of(List.of(resource)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@HeaderParam");
    }

    private List<Object> call(
            String operationId, String method, String path, String query, Consumer<ApiRequest> steps) {
        OperationRule operation = SpecFacts.RULES.operation(operationId).orElseThrow();
        RouteTable.Match match =
                RouteTable.of(SpecFacts.RULES, Set.of(), List.of()).match(path).orElseThrow();
        ApiRequest request = ApiRequest.begin(new TestRequestHead(method, path, query), match, operation);
        if (steps != null) {
            steps.accept(request);
        }
        @SuppressWarnings("unchecked")
        List<Object> arguments = (List<Object>) methods.invoke(request).getEntity();
        return arguments;
    }
}
