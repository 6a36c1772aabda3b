package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Atlas media-type versions: a requested date must be one of the operation's own versions (from the
 * spec); any other date is 406 {@code INVALID_VERSION_DATE}.
 */
public final class VersionNegotiator {
    private static final Pattern VERSIONED =
            Pattern.compile("^application/vnd\\.atlas\\.([^+;\\s]*)\\+json$", Pattern.CASE_INSENSITIVE);

    private VersionNegotiator() {}

    public static String mediaType(String version) {
        return "application/vnd.atlas." + version + "+json";
    }

    /**
     * The resolved version's media type, or a 406 problem.
     *
     * @param versions the operation's version dates, oldest first
     */
    public static String negotiate(List<String> versions, String accept, String contentType) {
        Optional<String> fromAccept = versionIn(accept);
        String requested = fromAccept.orElseGet(() -> versionIn(contentType).orElse(null));
        if (requested == null) {
            throw notAcceptable();
        }
        return mediaType(resolve(versions, requested).orElseThrow(VersionNegotiator::notAcceptable));
    }

    /** The version date named by a versioned media type in a header, if any. */
    static Optional<String> versionIn(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(",")) {
            String type = part.split(";", 2)[0].trim();
            Matcher m = VERSIONED.matcher(type);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    public static boolean isVersioned(String type) {
        return VERSIONED.matcher(type).matches();
    }

    /**
     * Exactly one of the operation's versions, or nothing: a version that does not exist for the resource is
     * answered 406 (the versioning page), so a later date does not fall back to an older version.
     */
    static Optional<String> resolve(List<String> versions, String date) {
        return versions.contains(date) ? Optional.of(date) : Optional.empty();
    }

    private static ApiProblem notAcceptable() {
        return ApiProblem.of(ErrorCode.INVALID_VERSION_DATE);
    }
}
