package io.github.atlascredentials.emulator.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Atlas media-type versions: a requested date resolves to the newest version on or before it. */
public final class VersionNegotiator {
    /** Versions of the operations, oldest first. */
    public static final List<LocalDate> VERSIONS = List.of(LocalDate.of(2024, 8, 5));
    private static final Pattern VERSIONED = Pattern.compile(
            "^application/vnd\\.atlas\\.([^+;\\s]*)\\+json$", Pattern.CASE_INSENSITIVE);
    private static final Map<LocalDate, String> VERSION_NAMES = VERSIONS.stream()
            .collect(Collectors.toUnmodifiableMap(v -> v, LocalDate::toString));
    private static final Map<LocalDate, String> MEDIA_TYPES = VERSIONS.stream()
            .collect(Collectors.toUnmodifiableMap(v -> v, v -> "application/vnd.atlas." + v + "+json"));

    private VersionNegotiator() {
    }

    public static String mediaType(LocalDate version) {
        String known = MEDIA_TYPES.get(version);
        return known != null ? known : "application/vnd.atlas." + version + "+json";
    }

    /** The resolved version's media type, or a 406 problem. */
    public static String negotiate(String accept, String contentType) {
        Optional<String> fromAccept = versionIn(accept);
        String requested = fromAccept.orElseGet(() -> versionIn(contentType).orElse(null));
        if (requested == null) {
            throw notAcceptable();
        }
        return mediaType(resolve(requested).orElseThrow(VersionNegotiator::notAcceptable));
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

    static Optional<LocalDate> resolve(String date) {
        for (LocalDate v : VERSIONS) {
            if (VERSION_NAMES.get(v).equals(date)) {
                return Optional.of(v); // the usual request names a version exactly: no date parsing
            }
        }
        LocalDate requested;
        try {
            requested = LocalDate.parse(date.toLowerCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        LocalDate best = null;
        for (LocalDate v : VERSIONS) {
            if (!v.isAfter(requested)) {
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }

    private static ApiProblem notAcceptable() {
        return ApiProblem.api(406, "INVALID_VERSION_DATE", "Invalid accept header or version date.");
    }
}
