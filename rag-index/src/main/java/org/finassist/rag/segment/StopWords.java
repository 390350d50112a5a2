package org.finassist.rag.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Function words and question words that carry no topic ("的", "什么", "请问"). */
public final class StopWords {

    private static final String RESOURCE = "/org/finassist/rag/segment/stopwords.txt";

    private StopWords() {
    }

    public static Set<String> bundled() {
        Set<String> words = new HashSet<>();
        try (InputStream in = StopWords.class.getResourceAsStream(RESOURCE);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) words.add(TextNormalizer.normalize(w));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
