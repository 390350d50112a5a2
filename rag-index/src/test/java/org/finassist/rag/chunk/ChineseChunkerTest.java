package org.finassist.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChineseChunkerTest {

    private final ChineseChunker chunker = new ChineseChunker(200, 40);

    @Test
    void shortSectionIsOneChunkWithItsHeadingPath() {
        List<TextChunk> chunks = chunker.chunk(List.of(new Section(List.of("交易规则", "T+1"), "当日买入的股票，下一交易日才能卖出。")));

        assertThat(chunks).containsExactly(new TextChunk(List.of("交易规则", "T+1"), "当日买入的股票，下一交易日才能卖出。"));
        assertThat(chunks.getFirst().embeddingText()).isEqualTo("交易规则 > T+1\n当日买入的股票，下一交易日才能卖出。");
    }

    @Test
    void cutsOnSentenceEndsWithinTheBudgetAndOverlapsShortSentences() {
        String sentence = "这是一个用来测试分块的句子，长度大约三十个字符。";
        String text = sentence.repeat(20);

        List<TextChunk> chunks = chunker.chunk(List.of(new Section(List.of(), text)));

        assertThat(chunks).hasSize(3);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.text().length()).isLessThanOrEqualTo(200);
            assertThat(c.text()).endsWith("。");
        });
        // the second chunk starts with the last sentence of the first (overlap)
        assertThat(chunks.get(1).text()).startsWith(sentence);
        assertThat(String.join("", chunks.stream().map(TextChunk::text).toList()).length()).isGreaterThan(text.length());
    }

    @Test
    void hardSplitsASentenceLongerThanTheBudget() {
        String runOn = "甲".repeat(450);

        List<TextChunk> chunks = chunker.chunk(List.of(new Section(List.of("标题"), runOn)));

        assertThat(chunks).allSatisfy(c -> assertThat(c.embeddingText().length()).isLessThanOrEqualTo(200));
        assertThat(chunks.stream().mapToInt(c -> c.text().length()).sum()).isEqualTo(450);
    }

    @Test
    void splitsOnParagraphsAndEveryChineseSentenceEnd() {
        List<TextChunk> chunks = new ChineseChunker(120, 0).chunk(List.of(new Section(List.of(),
                "第一段很长" + "的内容".repeat(30) + "！\n\n第二段" + "说明".repeat(30) + "？")));

        assertThat(chunks).extracting(TextChunk::text)
                .allSatisfy(t -> assertThat(t).matches("(?s)^第.*[！？]$"));
    }
}
