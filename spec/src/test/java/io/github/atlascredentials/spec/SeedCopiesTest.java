package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's copies of the seed documents are byte-identical to the originals in
 * {@code ../shared/seeds} beside the repository (system property {@code seeds.shared.dir}). The
 * originals are not part of the repository, so without them this comparison is skipped; the
 * seed check itself always runs on the copies.
 */
class SeedCopiesTest {

    @Test
    void copiesAreIdenticalToTheSharedSeedDocuments() throws IOException {
        Path shared = Path.of(System.getProperty("seeds.shared.dir", "../../shared/seeds"))
                .toAbsolutePath()
                .normalize();
        assumeTrue(Files.isDirectory(shared), "no shared seed folder at " + shared);

        List<Path> originals = SeedDocuments.files(shared);
        List<Path> copies = SeedDocuments.files(SeedDocuments.copiesDir());

        assertThat(copies)
                .extracting(Path::getFileName)
                .map(Path::toString)
                .containsExactlyElementsOf(originals.stream()
                        .map(file -> file.getFileName().toString())
                        .toList());
        for (Path original : originals) {
            Path copy = SeedDocuments.copiesDir().resolve(original.getFileName());
            assertThat(Files.mismatch(original, copy))
                    .as("first differing byte of %s and %s", copy, original)
                    .isEqualTo(-1L);
        }
    }
}
