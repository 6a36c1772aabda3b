package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.generated.errors.OAuthErrorCode;
import io.github.atlascredentials.emulator.http.steps.PathParameterStep;
import io.github.atlascredentials.spec.rules.OperationRule;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The answer to a request whose target is no legal URI (a raw {@code {}, {@code |}, a control
 * character, a broken %-escape...), which JAX-RS cannot even represent. Runs only for such requests,
 * and answers as the request gate would, in the same order: unknown path (404), method (405), query
 * parameter, path parameter (400).
 */
final class IllegalRequestTargets {
    /** The characters Jersey's Grizzly container percent-encodes in a query before parsing it. */
    private static final String[][] JERSEY_QUERY_ESCAPES = {
        {"{", "%7B"}, {"}", "%7D"}, {"\\", "%5C"}, {"^", "%5E"}, {"|", "%7C"}, {"`", "%60"}
    };

    private IllegalRequestTargets() {}

    /**
     * @param rawPath  the request path as sent (not decoded)
     * @param rawQuery the query as sent, or null
     * @param hostValid whether scheme, Host and port form a valid base URI
     */
    static ApiProblem problemFor(RouteTable routes, String method, String rawPath, String rawQuery, boolean hostValid) {
        if (!hostValid) {
            return ApiProblem.of(ErrorCode.INVALID_REQUEST, "the Host header is not a valid host name.");
        }
        boolean pathLegal = legalPath(rawPath);
        Optional<RouteTable.Match> match = rawPath.startsWith("/") ? routes.match(rawPath) : Optional.empty();
        if (match.isEmpty()) {
            return Answers.notFound(rawPath);
        }
        Route route = match.get().route();
        if (!route.methods().contains(method)) {
            return Answers.methodNotAllowed(method, rawPath, route);
        }
        OperationRule op = route.operation(method);
        String badParameter = rawQuery == null ? null : firstIllegalQueryParameter(rawQuery);
        if (badParameter != null) {
            if (op != null && op.authentication() == OperationRule.Authentication.CLIENT_BASIC) {
                return ApiProblem.oauth(OAuthErrorCode.INVALID_REQUEST, "the query string is not validly encoded.");
            }
            return Answers.invalidQuery(badParameter, "is not validly encoded");
        }
        if (!pathLegal && op != null) {
            try {
                PathParameterStep.check(op, match.get().pathParameters());
            } catch (ApiProblem problem) {
                return problem;
            }
        }
        return ApiProblem.of(ErrorCode.INVALID_REQUEST, "the request target is not a valid URI.");
    }

    /**
     * The answer to a request whose target or Host is no legal URI, or null for a legal one (nearly every request:
     * a scan of its characters tells, and only a target with an escape or an unusual character is parsed).
     */
    static ApiProblem problemIfIllegal(RouteTable routes, RequestHead head) {
        String rawPath = head.rawPath();
        String rawQuery = head.rawQuery();
        boolean hostValid = head.baseUri() != null;
        if (hostValid
                && ((rawPath.startsWith("/") && plainly(rawPath, PATH_CHARACTERS)) || legalPath(rawPath))
                && (rawQuery == null
                        || plainly(rawQuery, QUERY_CHARACTERS)
                        || firstIllegalQueryParameter(rawQuery) == null)) {
            return null;
        }
        return problemFor(routes, head.method(), rawPath, rawQuery, hostValid);
    }

    /** RFC 3986's unreserved characters, sub-delimiters, ':' and '@' (a path segment's), and '/'. */
    private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/";

    private static final String QUERY_CHARACTERS = PATH_CHARACTERS + "?";

    /** Whether the text is made only of letters, digits and the given characters: then it is legal as it is. */
    private static boolean plainly(String text, String others) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && others.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean legalPath(String rawPath) {
        return rawPath.startsWith("/") && parses("http://h" + rawPath);
    }

    /** The decoded name of the first query parameter that makes the query illegal, or null if none does. */
    static String firstIllegalQueryParameter(String rawQuery) {
        for (String pair : rawQuery.split("&", -1)) {
            if (!parses("http://h/?" + escapeLikeJersey(pair))) {
                String name = pair.split("=", 2)[0];
                return name.isEmpty() ? "(empty)" : lenientDecode(name);
            }
        }
        return null;
    }

    private static String escapeLikeJersey(String query) {
        String result = query;
        for (String[] escape : JERSEY_QUERY_ESCAPES) {
            result = result.replace(escape[0], escape[1]);
        }
        return result;
    }

    private static String lenientDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static boolean parses(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
