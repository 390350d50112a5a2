package org.finassist.rag.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Random Chinese text made of the demo knowledge base's characters and words, for benchmarks. */
final class SyntheticText {

    private final List<String> pieces;
    private final Random rnd;

    SyntheticText(Random rnd) {
        this.rnd = rnd;
        try (InputStream in = SyntheticText.class.getResourceAsStream("/org/finassist/rag/demo/margin-trading.md")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.pieces = List.of(text.replaceAll("[\\s#\\-:]+", "").split("(?<=\\G.{2})"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String sentence(int chars) {
        StringBuilder b = new StringBuilder(chars + 2);
        while (b.length() < chars) b.append(pieces.get(rnd.nextInt(pieces.size())));
        return b.append('。').toString();
    }
}
