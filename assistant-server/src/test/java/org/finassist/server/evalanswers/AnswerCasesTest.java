package org.finassist.server.evalanswers;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCasesTest {

    @Test
    void csvAndJsonlReadTheSameCase() throws Exception {
        var csv = AnswerCases.csv("id,previous,question,expect,scenario,facts,forbidden\n"
                + "q1,科创板开通条件是什么|那创业板呢？,北交所呢,answer,account-opening,50万|五十万;24个月,10万元\n");
        var jsonl = AnswerCases.jsonl("{\"id\":\"q1\",\"previous\":[\"科创板开通条件是什么\",\"那创业板呢？\"],"
                + "\"question\":\"北交所呢\",\"expect\":\"answer\",\"scenario\":\"account-opening\","
                + "\"facts\":[[\"50万\",\"五十万\"],[\"24个月\"]],\"forbidden\":[\"10万元\"]}\n");

        assertThat(csv).isEqualTo(jsonl);
        assertThat(csv.getFirst().facts()).containsExactly(List.of("50万", "五十万"), List.of("24个月"));
    }

    @Test
    void theShippedSetsParseAndKeepAThirdHeldOut() throws Exception {
        Path dir = Path.of("..", "eval", "answers");
        var dev = AnswerCases.load(dir.resolve("public-dev.jsonl"));
        // the fresh set (session 5) is the clean held-out split; the older one was read while fixing
        var fresh = AnswerCases.load(dir.resolve("fresh-heldout.jsonl"));
        var heldOut = new java.util.ArrayList<>(AnswerCases.load(dir.resolve("public-heldout.jsonl")));
        heldOut.addAll(fresh);

        assertThat(fresh.size()).isGreaterThanOrEqualTo(80);
        assertThat(java.util.stream.Stream.concat(dev.stream(), heldOut.stream()).map(AnswerCase::id).distinct().count())
                .isEqualTo(dev.size() + heldOut.size());
        assertThat(dev.size() + heldOut.size()).isGreaterThanOrEqualTo(200);
        assertThat(heldOut.size() * 3).isGreaterThanOrEqualTo(dev.size() + heldOut.size());
        assertThat(dev).extracting(AnswerCase::expected).contains(Action.ANSWER, Action.DECLINE, Action.HANDOFF);
        assertThat(dev).anyMatch(c -> c.previous().size() >= 2);
        assertThat(Files.exists(dir.resolve("public-heldout.jsonl"))).isTrue();
    }

    @Test
    void aRowWithoutAQuestionIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AnswerCases.jsonl("{\"id\":\"x\",\"expect\":\"answer\"}"))
                .hasMessageContaining("question is required");
    }
}
