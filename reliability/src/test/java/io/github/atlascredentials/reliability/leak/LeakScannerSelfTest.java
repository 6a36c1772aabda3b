package io.github.atlascredentials.reliability.leak;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.reliability.support.CredentialRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner finds a registered credential in every form a log or report may hold, and nothing else. */
class LeakScannerSelfTest {
    private static final String SECRET = "mdb_sa_sk_SelfTestSecretSelfTestSecretSelfTestSecr";
    private static final String PRIVATE_KEY = "5e1f7e57-0000-4000-8000-5e1f7e570000";
    private static final String TOKEN =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWxmIn0.c2VsZnRlc3RzZWxmdGVzdHNlbGZ0ZXN0c2VsZnRlc3Q";
    private static final String SIGNATURE = TOKEN.substring(TOKEN.lastIndexOf('.') + 1);

    private final LeakScanner scanner = new LeakScanner(Map.of(
            CredentialRegistry.sha256(SECRET), "SECRET ****",
            CredentialRegistry.sha256(PRIVATE_KEY), "PRIVATE_KEY ****",
            CredentialRegistry.sha256(TOKEN), "ACCESS_TOKEN ****",
            CredentialRegistry.sha256(SIGNATURE), "ACCESS_TOKEN_SIGNATURE ****"));

    private List<String> find(String text) {
        return scanner.findIn(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsEveryForm() {
        assertThat(find("log: secret=" + SECRET + " end")).hasSize(1);
        assertThat(find("{\"privateKey\":\"" + PRIVATE_KEY.toUpperCase() + "\"}"))
                .hasSize(1);
        assertThat(find("Authorization: Bearer " + TOKEN)).isNotEmpty();
        assertThat(find("token ..." + SIGNATURE + " cut")).hasSize(1);
        assertThat(find("Authorization: Basic "
                        + Base64.getEncoder()
                                .encodeToString(("mdb_sa_id_x:" + SECRET).getBytes(StandardCharsets.UTF_8))))
                .hasSize(1);
        assertThat(find("form: token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)))
                .isNotEmpty();
        assertThat(find("mdb\\u005fsa\\u005fsk\\u005f" + SECRET.substring(10))).hasSize(1);
    }

    @Test
    void findsItInFilesAndIgnoresOthers(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("clean.log"),
                "masked mdb_sa_sk_...Se and ********-****-****-5e1f7e570000 "
                        + "mdb_sa_sk_OtherSecretOtherSecretOtherSecretOtherSec");
        Files.createDirectories(dir.resolve("sub"));
        Files.write(
                dir.resolve("sub/db.mv.db"),
                ("\u0000\u0001" + SECRET + "\u0000").getBytes(StandardCharsets.ISO_8859_1));
        List<LeakScanner.Finding> findings = scanner.scan(List.of(dir), null);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).file().getFileName().toString()).isEqualTo("db.mv.db");
        assertThat(findings.get(0).toString()).doesNotContain(SECRET);
        assertThat(scanner.filesScanned()).isEqualTo(2);
    }
}
