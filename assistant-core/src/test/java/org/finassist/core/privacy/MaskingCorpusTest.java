package org.finassist.core.privacy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line of {@code privacy/masking-corpus.tsv} (one way of writing one kind of personal data each): after
 * masking, the secret must be gone however it was written; lines of kind {@code keep} must come back unchanged.
 */
class MaskingCorpusTest {

    /** One corpus line. */
    record Line(String kind, String format, String text, String secret) {
    }

    static List<Line> corpus() throws IOException {
        try (InputStream in = MaskingCorpusTest.class.getResourceAsStream("/privacy/masking-corpus.tsv")) {
            List<Line> lines = new ArrayList<>();
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] f = row.split("\t", -1);
                lines.add(new Line(f[0], f[1], f[2], f[3]));
            }
            return lines;
        }
    }

    /** Compared as the masker sees it: ASCII digits and letters, separators dropped. */
    static String normalised(String s) {
        return DigitView.of(s).replaceAll("[ \\-./()]", "");
    }

    @Test
    void everyFormatOfTheCorpusIsMaskedAndOrdinaryTextIsLeftAlone() throws IOException {
        List<Line> corpus = corpus();
        assertThat(corpus.stream().filter(l -> !l.kind().equals("keep")).count()).isGreaterThanOrEqualTo(150);
        List<String> leaks = new ArrayList<>();
        for (Line l : corpus) {
            String masked = PiiMasker.mask(l.text());
            boolean ok = l.kind().equals("keep") ? masked.equals(l.text())
                    : !normalised(masked).contains(normalised(l.secret()));
            if (!ok) {
                leaks.add(l.kind() + "/" + l.format() + ": " + l.text() + " -> " + masked);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void masksNestedToolCallArgumentsAndMetadata() {
        Object masked = PiiMasker.maskDeep(java.util.Map.of("function", java.util.Map.of("arguments",
                "{\"phone\":\"13987654321\"}"), "tags", List.of("邮箱 zhang.san@example.com", 42)));
        assertThat(masked.toString()).doesNotContain("13987654321").doesNotContain("zhang.san").contains("42");
    }

    @Test
    void luhnTellsCardsFromOtherNumbers() {
        assertThat(PiiMasker.luhn("4111111111111111")).isTrue();
        assertThat(PiiMasker.luhn("4111111111111112")).isFalse();
    }
}
