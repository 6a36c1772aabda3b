package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.spec.rules.ApiRules;
import io.github.atlascredentials.spec.rules.OperationRule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of a closed client fails at once with AtlasClientClosedException and sends nothing. The
 * operations are the spec's (one client method per operationId), so a new operation is covered without an edit.
 */
class ClosedClientTest {
    /** The public methods that are not operations of the spec. */
    private static final Set<String> NOT_OPERATIONS = Set.of("close", "toString", "userAgent");

    private TestAtlasServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer().auth(TestAtlasServer.Auth.BEARER).serviceAccount(CLIENT_ID, CLIENT_SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyOperationOfAClosedClientIsRefusedLocally() {
        AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                .build();
        client.close();
        client.close(); // a second close is harmless
        Set<String> refused = new TreeSet<>();
        for (Method method : AtlasCredentialsClient.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers())
                    || Modifier.isStatic(method.getModifiers())
                    || NOT_OPERATIONS.contains(method.getName())) {
                continue;
            }
            Object[] arguments = Arrays.stream(method.getParameterTypes())
                    .map(ClosedClientTest::sample)
                    .toArray();
            assertThatThrownBy(() -> invoke(method, client, arguments))
                    .as(method.getName())
                    .isInstanceOf(AtlasClientClosedException.class);
            refused.add(method.getName());
        }
        Set<String> operations = new TreeSet<>(ApiRules.builtIn().operations().stream()
                .map(OperationRule::operationId)
                .toList());
        assertThat(refused).as("one client method per operation of the spec").isEqualTo(operations);
        assertThat(server.requests()).isEmpty();
    }

    private static void invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A well-formed argument of each parameter type the client's operations take. */
    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "5c7e9f0a1b2c6b9c4e2f1a3d";
        }
        if (type == int.class || type == Integer.class) {
            return 24;
        }
        if (type == Collection.class) {
            return List.of(OrgRoleName.ORG_MEMBER);
        }
        if (type == PageRequest.class) {
            return PageRequest.of(1, 100);
        }
        if (type == ServiceAccountCredential.class) {
            return ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET);
        }
        throw new AssertionError("no sample argument of type " + type.getName() + ": add one here");
    }
}
