package io.github.atlascredentials.contract.specchange;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The client jar of the changed spec, loaded on its own class loader next to the same third-party
 * libraries as this test (not the client this module was compiled against), and called by name.
 */
final class MutatedClient implements AutoCloseable {
    private final URLClassLoader loader;

    private MutatedClient(URLClassLoader loader) {
        this.loader = loader;
    }

    static MutatedClient load(List<Path> projectJars, Path repositoryRoot) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (Path jar : projectJars) {
            urls.add(jar.toUri().toURL());
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            boolean ours = p.startsWith(repositoryRoot.toAbsolutePath())
                    || p.toString().replace('\\', '/').contains("/io/github/atlascredentials/");
            if (!ours && !entry.isBlank()) {
                urls.add(p.toUri().toURL());
            }
        }
        return new MutatedClient(new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()));
    }

    Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader);
    }

    /** An {@code AtlasCredentialsClient} authenticated as a service account. */
    Object serviceAccountClient(String baseUrl, String clientId, String secret) throws Throwable {
        // JAX-RS finds its implementation through the context class loader: this client's Jersey, not the test's.
        Thread.currentThread().setContextClassLoader(loader);
        Object builder = call(type("io.github.atlascredentials.client.AtlasCredentialsClient"), null, "builder");
        call(builder.getClass(), builder, "baseUrl", baseUrl);
        Object credential = call(
                type("io.github.atlascredentials.client.auth.ServiceAccountCredential"), null, "of", clientId, secret);
        call(builder.getClass(), builder, "credential", credential);
        return call(builder.getClass(), builder, "build");
    }

    /** Calls a public method by name and argument count; throws what the method throws. */
    static Object call(Class<?> type, Object target, String name, Object... args) throws Throwable {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m, args)) {
                try {
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + Arrays.toString(args));
    }

    private static boolean accepts(Method m, Object[] args) {
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            Class<?> t = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (args[i] != null && !t.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == int.class
                ? Integer.class
                : primitive == boolean.class ? Boolean.class : primitive == long.class ? Long.class : Object.class;
    }

    @Override
    public void close() throws Exception {
        Thread.currentThread().setContextClassLoader(ClassLoader.getSystemClassLoader());
        loader.close();
    }
}
