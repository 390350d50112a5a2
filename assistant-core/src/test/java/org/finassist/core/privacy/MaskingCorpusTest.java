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
        return corpus("/privacy/masking-corpus.tsv");
    }

    static List<Line> corpus(String resource) throws IOException {
        try (InputStream in = MaskingCorpusTest.class.getResourceAsStream(resource)) {
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

    /** Dev score of one file (the misses are shown: dev lines are there to be worked on). */
    @Test
    void devScores() throws IOException {
        for (String f : List.of("/privacy/masking-corpus.tsv", "/privacy/masking-dev-1.tsv", "/privacy/masking-dev-2.tsv")) {
            HeldOut s = score(f);
            System.out.println("dev " + f + ": " + s + " " + s.missed());
        }
    }

    /** Compared as the masker sees it: ASCII digits and letters, separators dropped. */
    static String normalised(String s) {
        return DigitView.of(s).replaceAll("[ \\-./()]", "");
    }

    @Test
    void everyFormatOfTheCorpusIsMaskedAndOrdinaryTextIsLeftAlone() throws IOException {
        List<Line> corpus = new ArrayList<>(corpus());
        assertThat(corpus.stream().filter(l -> !l.kind().equals("keep")).count()).isGreaterThanOrEqualTo(150);
        // the dev sets written by hand: the first held-out set (its misses were worked on) and session 5's lines
        corpus.addAll(corpus("/privacy/masking-dev-1.tsv"));
        corpus.addAll(corpus("/privacy/masking-dev-2.tsv"));
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

    /** How a held-out file fared: personal lines masked, ordinary lines left alone, and what was missed. */
    record HeldOut(long personal, long masked, long ordinary, long keptIntact, List<String> missed) {
        @Override
        public String toString() {
            return "%d of %d personal lines masked, %d of %d ordinary lines left unchanged".formatted(masked, personal,
                    keptIntact, ordinary);
        }
    }

    static HeldOut score(String resource) throws IOException {
        List<String> missed = new ArrayList<>();
        long personal = 0;
        long ordinary = 0;
        for (Line l : corpus(resource)) {
            String masked = PiiMasker.mask(l.text());
            if (l.kind().equals("keep")) {
                ordinary++;
                if (!masked.equals(l.text())) {
                    missed.add("FALSE MASK " + l.format() + ": " + masked);
                }
            } else {
                personal++;
                if (normalised(masked).contains(normalised(l.secret()))) {
                    missed.add(l.kind() + "/" + l.format() + ": " + masked);
                }
            }
        }
        long falseMasks = missed.stream().filter(m -> m.startsWith("FALSE MASK")).count();
        return new HeldOut(personal, personal - (missed.size() - falseMasks), ordinary, ordinary - falseMasks, missed);
    }

    /**
     * The held-out set (written before the masker changes they measure, never tuned on): the shares are reported in
     * docs/benchmarks.md; this guards them from falling. Misses are printed only with -Dmasking.showMissed=true, so a
     * routine run does not show the held-out lines to whoever is changing the masker.
     */
    @Test
    void heldOutFormats() throws IOException {
        boolean show = Boolean.getBoolean("masking.showMissed");
        HeldOut second = score("/privacy/masking-heldout-2.tsv");
        System.out.println("held-out 2: " + second + (show ? " " + second.missed() : ""));
        assertThat(second.masked()).isGreaterThanOrEqualTo(MIN_HELD_OUT_2_MASKED);
        assertThat(second.keptIntact()).isGreaterThanOrEqualTo(MIN_HELD_OUT_2_KEPT);
    }

    /** The held-out-2 counts measured after this session's changes (docs/benchmarks.md); a regression guard. */
    private static final int MIN_HELD_OUT_2_MASKED = 47;
    private static final int MIN_HELD_OUT_2_KEPT = 20;

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
