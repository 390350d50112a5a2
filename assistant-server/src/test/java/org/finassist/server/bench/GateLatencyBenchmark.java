package org.finassist.server.bench;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.core.gate.AnswerGate;
import org.finassist.core.gate.AnswerPolicy;
import org.finassist.core.gate.WithholdListener;
import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.Prices;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.provider.ProviderClients;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouteConfig;
import org.finassist.core.router.RouterConfig;
import org.finassist.prompts.PromptRenderer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Answer gate benchmark (not a test): time from the request to the first text a customer sees, ungated (first
 * streamed delta) against gated (first released sentence), over the fake upstream streaming like a hosted model
 * (first token after {@code bench.ttftMs}, then 2 characters every {@code bench.chunkMs}). Also the gated time when the
 * first sentence fails and the regenerated answer complies. Run with {@code bench/gate.sh}; settings:
 * -Dbench.runs (default 30), -Dbench.ttftMs (400), -Dbench.chunkMs (25). Figures go to bench/results/gate-latest.md.
 */
public final class GateLatencyBenchmark {

    private static final String ANSWER = "开户需要年满18周岁，并准备本人二代身份证和一类银行卡。线上开户时间为每天8:00至22:00，"
            + "整个流程大约需要十分钟。完成后一般在下一个交易日即可开始交易。";
    private static final String OFFENDING = "现在是抄底的好时机，建议您立即买入。" + ANSWER;

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 30);
        int ttft = Integer.getInteger("bench.ttftMs", 400);
        int chunk = Integer.getInteger("bench.chunkMs", 25);
        try (FakeUpstream fake = FakeUpstream.start("deepseek")) {
            fake.keepBodies(false);
            ProviderConfig p = new ProviderConfig("ds", Flavor.DEEPSEEK, fake.baseUrl(), "k",
                    List.of(new ModelSpec("chat", "chat", 64_000, null)), 16, 0, Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(30), new Prices(BigDecimal.ONE, BigDecimal.TEN, null));
            RouterConfig config = RouterConfig.defaults(List.of(p), Map.of("general",
                    RouteConfig.parse("general", List.of("ds:chat"))));
            PromptRenderer prompts = PromptRenderer.classpath();
            ModelRouter router = new ModelRouter(config, List.of(ProviderClients.create(p)),
                    new LocalGroundedModel(prompts), null);
            AnswerGate gate = new AnswerGate(router, prompts, WithholdListener.NONE);
            CompletionRequest request = CompletionRequest.of("general", List.of(Message.user("开户要准备什么？")));
            Script ok = Script.ok(ANSWER).withHeaderDelay(Duration.ofMillis(ttft)).withChunkDelay(Duration.ofMillis(chunk));
            Script bad = Script.ok(OFFENDING).withHeaderDelay(Duration.ofMillis(ttft)).withChunkDelay(Duration.ofMillis(chunk));
            long[] ungated = new long[runs];
            long[] gated = new long[runs];
            long[] regenerated = new long[runs];
            long[] ungatedTotal = new long[runs];
            long[] gatedTotal = new long[runs];
            for (int i = -3; i < runs; i++) {
                fake.always(ok);
                First u = new First();
                router.stream(request, u);
                First g = new First();
                fake.always(ok);
                gate.deliver(request, AnswerPolicy.complianceOnly(), null, g);
                g.end = System.nanoTime();
                First r = new First();
                fake.always(ok);
                fake.enqueue(bad);
                gate.deliver(request, AnswerPolicy.complianceOnly(), null, r);
                if (i >= 0) {
                    ungated[i] = u.first - u.start;
                    ungatedTotal[i] = u.end - u.start;
                    gated[i] = g.first - g.start;
                    gatedTotal[i] = g.end - g.start;
                    regenerated[i] = r.first - r.start;
                }
            }
            String report = "Gate latency, " + LocalDateTime.now().withNano(0) + ", " + runs + " runs, upstream first token "
                    + ttft + " ms then 2 characters every " + chunk + " ms; first sentence " + ANSWER.indexOf('，')
                    + "/" + ANSWER.indexOf('。') + " characters to its first comma/full stop\n\n"
                    + "| measure | p50 ms | p90 ms | max ms |\n|---|---|---|---|\n"
                    + line("ungated: first delta shown", ungated)
                    + line("gated: first sentence shown", gated)
                    + line("gated, first sentence withheld then regenerated: first sentence shown", regenerated)
                    + line("ungated: whole answer", ungatedTotal)
                    + line("gated: whole answer", gatedTotal);
            System.out.println(report);
            Path out = Path.of("bench", "results", "gate-latest.md");
            if (Files.isDirectory(Path.of("bench")) || Files.isDirectory(Path.of("..", "bench"))) {
                Path target = Files.isDirectory(Path.of("bench")) ? out : Path.of("..").resolve(out);
                Files.createDirectories(target.getParent());
                Files.writeString(target, report);
            }
        }
    }

    private static String line(String name, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("| %s | %.0f | %.0f | %.0f |%n", name, s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6,
                s[s.length - 1] / 1e6);
    }

    /** Records when the request started, the first text arrived, and the answer ended. */
    private static final class First implements CompletionListener {
        final long start = System.nanoTime();
        long first;
        long end;

        @Override
        public void onContent(String delta) {
            if (first == 0) {
                first = System.nanoTime();
            }
        }

        @Override
        public void onComplete(Completion completion) {
            end = System.nanoTime();
        }

        @Override
        public void onError(RouterException error) {
            throw error;
        }
    }
}
