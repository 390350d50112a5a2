package org.finassist.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Locates ../shared/data (or FINASSIST_DATA_DIR); tests that need it skip with a clear message when absent. */
public final class TestData {

    private TestData() {
    }

    public static Optional<Path> dataDir() {
        String env = System.getenv("FINASSIST_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (dir.getParent() != null && Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The HQChart market directory, or the test is skipped. */
    public static Path marketDirOrSkip() {
        Optional<Path> market = dataDir().map(d -> d.resolve("market")).filter(Files::isDirectory);
        assumeTrue(market.isPresent(), "shared/data/market not found (set FINASSIST_DATA_DIR); skipping real-data test");
        return market.get();
    }
}
