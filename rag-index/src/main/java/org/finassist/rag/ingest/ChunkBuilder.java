package org.finassist.rag.ingest;

import java.util.ArrayList;
import java.util.List;

import org.finassist.rag.Chunk;
import org.finassist.rag.DocType;
import org.finassist.rag.FaqEntry;
import org.finassist.rag.chunk.ChineseChunker;
import org.finassist.rag.chunk.TextChunk;
import org.finassist.rag.segment.ChineseSegmenter;

/**
 * Turns a parsed document into chunks with their embedding text and keyword tokens. An FAQ entry yields one chunk per
 * phrasing of its question: the vector is the phrasing's (question-to-question similarity is what the fast path
 * needs), the keyword tokens cover phrasing and answer.
 */
final class ChunkBuilder {

    record Draft(Chunk chunk, String embeddingText, List<String> tokens) {
    }

    private final ChineseChunker chunker;
    private final ChineseSegmenter segmenter;

    ChunkBuilder(ChineseChunker chunker, ChineseSegmenter segmenter) {
        this.chunker = chunker;
        this.segmenter = segmenter;
    }

    List<Draft> drafts(String kbId, String docId, ParsedDocument parsed) {
        return switch (parsed) {
            case ParsedDocument.Prose p -> prose(kbId, docId, p);
            case ParsedDocument.Faqs f -> faqs(kbId, docId, f);
        };
    }

    /**
     * A stored chunk's embedding text and tokens computed again (after a dictionary or model change); the chunk's
     * boundaries and text stay as they are.
     */
    Draft redraft(Chunk c) {
        if (c.isFaq()) {
            String phrasing = faqPhrasing(c);
            return new Draft(c, phrasing, segmenter.tokens(phrasing + "\n" + c.faq().answer()));
        }
        return new Draft(c, new TextChunk(c.headingPath(), c.text()).embeddingText(),
                segmenter.tokens(String.join(" ", c.headingPath()) + "\n" + c.text()));
    }

    private static String faqText(String phrasing, String answer) {
        return "问：" + phrasing + "\n答：" + answer;
    }

    /** The phrasing an FAQ chunk was built from (its text is {@link #faqText}). */
    private static String faqPhrasing(Chunk c) {
        String t = c.text();
        int end = t.indexOf("\n答：");
        return t.startsWith("问：") && end > 2 ? t.substring(2, end) : c.faq().question();
    }

    private List<Draft> prose(String kbId, String docId, ParsedDocument.Prose p) {
        List<Draft> out = new ArrayList<>();
        for (TextChunk tc : chunker.chunk(p.sections())) {
            int n = out.size();
            Chunk c = new Chunk(Chunk.idOf(kbId, docId, n), kbId, docId, p.title(), p.type(), tc.headingPath(),
                    tc.text(), n, null, p.effectiveFrom(), p.effectiveTo());
            List<String> tokens = segmenter.tokens(String.join(" ", tc.headingPath()) + "\n" + tc.text());
            out.add(new Draft(c, tc.embeddingText(), tokens));
        }
        return out;
    }

    private List<Draft> faqs(String kbId, String docId, ParsedDocument.Faqs f) {
        List<Draft> out = new ArrayList<>();
        for (FaqEntry e : f.entries()) {
            List<String> phrasings = new ArrayList<>();
            phrasings.add(e.question());
            phrasings.addAll(e.alternatives());
            for (String q : phrasings) {
                int n = out.size();
                Chunk c = new Chunk(Chunk.idOf(kbId, docId, n), kbId, docId, f.title(), DocType.FAQ,
                        List.of(e.question()), faqText(q, e.answer()), n, e, e.effectiveFrom(), e.effectiveUntil());
                out.add(new Draft(c, q, segmenter.tokens(q + "\n" + e.answer())));
            }
        }
        return out;
    }
}
