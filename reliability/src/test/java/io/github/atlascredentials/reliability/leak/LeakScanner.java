package io.github.atlascredentials.reliability.leak;

import io.github.atlascredentials.reliability.support.CredentialRegistry;
import io.github.atlascredentials.reliability.support.Masking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Searches files for registered credentials. The registry holds SHA-256 digests only, so the scanner
 * extracts every credential-shaped string (secrets, UUID-shaped private keys, JWT-shaped tokens and their
 * signatures, also inside Basic headers and percent-encoded forms), hashes it and looks it up. Findings
 * name the file and a masked form, never the value.
 */
public final class LeakScanner {
    private static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("mdb_sa_sk_[A-Za-z0-9_-]{40}"),
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
            Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"),
            // A token's 256-bit signature alone (e.g. a log that cut the token short).
            Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"));
    private static final Pattern BASIC = Pattern.compile("(?i)basic\\s+([A-Za-z0-9+/]{8,}={0,2})");

    private final Map<String, String> needles; // sha256 -> "KIND masked"
    private int filesScanned;
    private long bytesScanned;

    public LeakScanner(Map<String, String> needles) {
        this.needles = Map.copyOf(needles);
    }

    /** Reads every {@code *.sha256} registry file under the given folders ({@code KIND sha256 masked} lines). */
    public static Map<String, String> readRegistries(List<Path> folders) throws IOException {
        Map<String, String> needles = new HashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f :
                        files.filter(p -> p.toString().endsWith(".sha256")).toList()) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        String[] parts = line.trim().split(" ");
                        if (parts.length >= 2 && parts[1].matches("[0-9a-f]{64}")) {
                            needles.put(parts[1], parts[0] + " " + (parts.length > 2 ? parts[2] : ""));
                        }
                    }
                }
            }
        }
        return needles;
    }

    public record Finding(Path file, String what) {
        @Override
        public String toString() {
            return what + " in " + file;
        }
    }

    public List<Finding> scan(List<Path> roots, Path exclude) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (exclude != null
                            && f.toAbsolutePath()
                                    .normalize()
                                    .startsWith(exclude.toAbsolutePath().normalize())) {
                        continue;
                    }
                    if (Files.size(f) > MAX_FILE_BYTES) {
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(f);
                    filesScanned++;
                    bytesScanned += bytes.length;
                    for (String what : findIn(bytes)) {
                        findings.add(new Finding(f, what));
                    }
                }
            }
        }
        return findings;
    }

    /** What of the registry occurs in these bytes (raw, in Basic headers, percent- or JSON-escaped). */
    public List<String> findIn(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        check(text, "", found);
        Matcher basic = BASIC.matcher(text);
        while (basic.find()) {
            try {
                check(
                        new String(Base64.getDecoder().decode(basic.group(1)), StandardCharsets.ISO_8859_1),
                        "inside a Basic header: ",
                        found);
            } catch (IllegalArgumentException notBase64) {
                // not a Basic credential
            }
        }
        if (text.contains("%")) {
            check(
                    java.net.URLDecoder.decode(
                            text.replace("+", "%2B").replaceAll("%(?![0-9a-fA-F]{2})", "%25"),
                            StandardCharsets.ISO_8859_1),
                    "percent-encoded: ",
                    found);
        }
        if (text.contains("\\u00")) {
            check(
                    text.replace("\\u002d", "-")
                            .replace("\\u002D", "-")
                            .replace("\\u005f", "_")
                            .replace("\\u005F", "_"),
                    "JSON-escaped: ",
                    found);
        }
        return found;
    }

    private void check(String text, String where, List<String> found) {
        for (Pattern shape : SHAPES) {
            Matcher m = shape.matcher(text);
            while (m.find()) {
                String candidate = m.group();
                lookup(candidate, where, found);
                if (!candidate.toLowerCase().equals(candidate) && shape == SHAPES.get(1)) {
                    lookup(candidate.toLowerCase(), where, found);
                }
            }
        }
    }

    private void lookup(String candidate, String where, List<String> found) {
        String hit = needles.get(CredentialRegistry.sha256(candidate));
        if (hit != null) {
            found.add(where + hit + " (" + Masking.mask(candidate) + ")");
        }
    }

    public int filesScanned() {
        return filesScanned;
    }

    public long bytesScanned() {
        return bytesScanned;
    }
}
