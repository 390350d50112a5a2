package org.finassist.rag.eval;

import java.util.List;
import java.util.Map;

/**
 * A retrieval test set: passages to index and questions with the id of their relevant passage.
 *
 * @param passages passage id → text
 * @param queries  the questions, in file order
 */
public record EvalSet(Map<String, String> passages, List<EvalQuery> queries) {

    /** One question and the passage that answers it; {@code row} is its 1-based row in the file. */
    public record EvalQuery(int row, String question, String relevantId) {
    }

    /** Questions of rows {@code [from, to)} (0-based), for dev/test splits. */
    public EvalSet slice(int from, int to) {
        return new EvalSet(passages, queries.subList(Math.min(from, queries.size()), Math.min(to, queries.size())));
    }
}
