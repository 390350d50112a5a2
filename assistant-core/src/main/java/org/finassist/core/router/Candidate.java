package org.finassist.core.router;

import java.util.ArrayList;
import java.util.List;

/** A {@code provider:model} candidate of a route, with its weight among candidates of the same rank. */
public record Candidate(String provider, String model, int weight) {

    public static final String LOCAL = "local";

    public Candidate {
        if (provider == null || provider.isBlank() || model == null || model.isBlank()) {
            throw new IllegalArgumentException("A candidate needs provider:model");
        }
        weight = weight <= 0 ? 1 : weight;
    }

    public String id() {
        return provider + ":" + model;
    }

    public boolean isLocal() {
        return LOCAL.equals(provider);
    }

    /** Parses {@code provider:model} or {@code provider:model=weight}. */
    public static Candidate parse(String text) {
        String t = text.trim();
        int weight = 1;
        int eq = t.lastIndexOf('=');
        if (eq > 0) {
            weight = Integer.parseInt(t.substring(eq + 1).trim());
            t = t.substring(0, eq).trim();
        }
        int colon = t.indexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("Route candidate '" + text + "' must look like provider:model[=weight]");
        }
        return new Candidate(t.substring(0, colon), t.substring(colon + 1), weight);
    }

    /** Parses one rank: candidates of equal rank separated by commas, e.g. {@code "a:x=70, b:y=30"}. */
    public static List<Candidate> parseRank(String text) {
        List<Candidate> rank = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                rank.add(parse(part));
            }
        }
        return List.copyOf(rank);
    }
}
