package org.finassist.rag.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Domain terms (stock, fund and product names, financial terms) that the segmenter keeps whole. Loaded from the
 * bundled resource and extended by configuration (extra terms or extra files, one term a line, {@code #} comments).
 */
public final class FinanceDictionary {

    static final String RESOURCE = "/org/finassist/rag/segment/finance-terms.txt";

    private final Set<String> terms;
    private final int maxLength;

    private FinanceDictionary(Set<String> terms) {
        this.terms = Set.copyOf(terms);
        this.maxLength = terms.stream().mapToInt(String::length).max().orElse(0);
    }

    /** The bundled dictionary. */
    public static FinanceDictionary bundled() {
        return bundledPlus(Set.of());
    }

    /** The bundled dictionary plus {@code extraTerms}. */
    public static FinanceDictionary bundledPlus(Collection<String> extraTerms) {
        Set<String> terms = new HashSet<>();
        try (InputStream in = FinanceDictionary.class.getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, "missing resource " + RESOURCE);
            readInto(in, terms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        extraTerms.forEach(t -> add(terms, t));
        return new FinanceDictionary(terms);
    }

    /** A dictionary of exactly these terms (no bundled ones). */
    public static FinanceDictionary of(Collection<String> terms) {
        Set<String> set = new HashSet<>();
        terms.forEach(t -> add(set, t));
        return new FinanceDictionary(set);
    }

    /** This dictionary plus the terms of a UTF-8 file. */
    public FinanceDictionary withFile(Path file) {
        Set<String> set = new HashSet<>(terms);
        try (InputStream in = Files.newInputStream(file)) {
            readInto(in, set);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary file " + file, e);
        }
        return new FinanceDictionary(set);
    }

    private static void readInto(InputStream in, Set<String> terms) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            add(terms, line);
        }
    }

    private static void add(Set<String> terms, String raw) {
        String t = TextNormalizer.normalize(raw.strip());
        if (t.length() >= 2 && !t.startsWith("#")) terms.add(t);
    }

    boolean contains(String normalizedTerm) {
        return terms.contains(normalizedTerm);
    }

    int maxLength() {
        return maxLength;
    }

    public int size() {
        return terms.size();
    }
}
