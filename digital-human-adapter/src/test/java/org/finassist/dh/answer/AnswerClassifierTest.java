package org.finassist.dh.answer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Table-driven: src/test/resources/org/finassist/dh/answer/yes-no.tsv. All failures are reported together. */
class AnswerClassifierTest {

    private final AnswerClassifier classifier = new AnswerClassifier();

    @Test
    void everyRowOfTheTableIsClassifiedAsExpected() throws IOException {
        List<String> failures = new ArrayList<>();
        List<String> rows = rows();
        for (String row : rows) {
            String[] cols = row.split("\t", -1);
            Classification actual = classifier.classify(cols[0]);
            if (actual.verdict() != Verdict.valueOf(cols[1])) {
                failures.add("'" + cols[0] + "' expected " + cols[1] + " got " + actual);
            }
        }
        assertThat(rows).hasSizeGreaterThan(50);
        assertThat(failures).isEmpty();
    }

    @Test
    void nullIsUnclear() {
        assertThat(classifier.classify(null).verdict()).isEqualTo(Verdict.UNCLEAR);
    }

    private static List<String> rows() throws IOException {
        try (InputStream in = AnswerClassifierTest.class.getResourceAsStream("yes-no.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.startsWith("#")).filter(l -> l.contains("\t")).toList();
        }
    }
}
