package org.finassist.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.Test;

/**
 * Measures chunk sizes with bge-small-zh's own tokenizer (the one inside the model jar): the embedded text of every
 * default-size chunk, heading context included, stays under the model's 512-token window.
 */
class ChunkTokenBudgetTest {

    @Test
    void defaultChunksFitTheModelWindow() throws Exception {
        String mixed = "融资融券业务的维持担保比例低于130%时，投资者应在T+2日内追加担保物；ETF和LOF可作为担保品。";
        String text = mixed.repeat(40) + "甲".repeat(700) + "abc123".repeat(100);
        List<String> headings = List.of("第一章 信用交易业务规则说明".repeat(3), "第二节 担保品管理与平仓安排");

        List<TextChunk> chunks = new ChineseChunker().chunk(List.of(new Section(headings, text)));

        try (InputStream in = getClass().getResourceAsStream("/bge-small-zh-v1.5-q-tokenizer.json");
             HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(in, java.util.Map.of())) {
            int max = 0;
            for (TextChunk c : chunks) {
                Encoding e = tokenizer.encode(c.embeddingText());
                max = Math.max(max, e.getIds().length);
            }
            assertThat(chunks).hasSizeGreaterThan(4);
            assertThat(max).isLessThanOrEqualTo(512).isGreaterThan(300);
        }
    }
}
