package io.github.atlascredentials.bench.baseline;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The ceiling of the emulator's stack: Jersey 3.1 on Grizzly, configured like the emulator
 * (no WADL, no auto-discovery), one resource that reads the request body and answers 201 with a
 * fixed JSON body of the size of a created secret. No auth, no validation, no storage.
 *
 * <p>Usage: {@code java -jar bench/target/fixed-body-server.jar [port]}; prints
 * {@code Listening on http://127.0.0.1:PORT} when ready.
 */
public final class FixedBodyServer {
    /** About the size of the emulator's answer to a secret creation. */
    static final byte[] BODY = ("{\"id\":\"6aaac85512c28f73371410fc\",\"createdAt\":\"2026-11-22T06:07:06Z\","
                    + "\"expiresAt\":\"2026-11-22T14:07:06Z\",\"maskedSecretValue\":\"mdb_sa_sk_...qHEH\","
                    + "\"secret\":\"mdb_sa_sk_bFlriRRxTOie8oookOnBlzURoiWyZW9KAyyqqHEH\",\"lastUsedAt\":null}")
            .getBytes(StandardCharsets.UTF_8);

    private FixedBodyServer() {}

    /** Any POST under /api answers 201 with {@link #BODY}. */
    @Path("/api")
    public static final class FixedResource {
        @POST
        @Path("{any: .*}")
        public Response create(@PathParam("any") String any, String body) {
            return Response.status(201).type("application/json").entity(BODY).build();
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true)
                .register(FixedResource.class);
        HttpServer server =
                GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"), config, false);
        server.start();
        int bound = server.getListeners().iterator().next().getPort();
        System.out.println("Listening on http://127.0.0.1:" + bound);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }));
        stopped.await();
    }
}
