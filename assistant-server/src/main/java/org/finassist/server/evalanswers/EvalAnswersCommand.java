package org.finassist.server.evalanswers;

import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.demo.DemoKnowledgeBase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code eval-answers}: runs question sets through the chat and reports answer quality. Without {@code --base-url}
 * it starts this application on a loopback port with a fresh data directory (the embedded default: demo knowledge
 * base, local model unless provider keys are set in the environment); with it, it asks a running server.
 */
@Command(name = "eval-answers", mixinStandardHelpOptions = true,
        description = "Answer-quality evaluation: question sets (CSV/JSONL) through the real chat pipeline.",
        footer = {"", "Other arguments (e.g. --spring.profiles.active=postgres) go to the in-process application.",
                "Exit codes: 0 done (and thresholds met), 1 bad arguments or start failure, 3 a threshold missed."})
public final class EvalAnswersCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", description = "question sets, each reported on its own (e.g. public.jsonl heldout.jsonl)")
    List<Path> files;

    @Option(names = "--base-url", description = "a running server, e.g. http://127.0.0.1:8080 (default: start one here)")
    URI baseUrl;

    @Option(names = "--api-key-env", description = "environment variable holding a client API key for --base-url")
    String apiKeyEnv;

    @Option(names = "--timeout", defaultValue = "PT90S", description = "per turn (ISO-8601, default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--out", description = "write the Markdown report (figures and every miss) here")
    Path out;

    @Option(names = "--min-useful", description = "exit 3 when a set's useful rate is below this (0-1)")
    Double minUseful;

    @Option(names = "--max-harmful", description = "exit 3 when a set has more harmful answers than this")
    Integer maxHarmful;

    @CommandLine.Unmatched
    List<String> applicationArgs = new ArrayList<>();

    private final PrintWriter console;

    EvalAnswersCommand(PrintWriter console) {
        this.console = console;
    }

    /** Entry point from {@code FinAssistApplication.main}; returns the exit code. */
    public static int run(String... args) {
        PrintWriter console = new PrintWriter(System.out, true);
        return new CommandLine(new EvalAnswersCommand(console)).setUnmatchedOptionsArePositionalParams(false)
                .setUnmatchedArgumentsAllowed(true).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        List<List<AnswerCase>> sets = new ArrayList<>();
        for (Path f : files) {
            sets.add(AnswerCases.load(f));
        }
        if (baseUrl != null) {
            String key = apiKeyEnv == null ? null : System.getenv(apiKeyEnv);
            return evaluate(sets, new HttpChatPipeline(baseUrl, key, timeout));
        }
        SpringApplication app = new SpringApplication(org.finassist.server.FinAssistApplication.class);
        try (ConfigurableApplicationContext ctx = app.run(applicationArguments())) {
            awaitDemoKnowledgeBase(ctx);
            URI local = URI.create("http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port"));
            return evaluate(sets, new HttpChatPipeline(local, null, timeout));
        }
    }

    private int evaluate(List<List<AnswerCase>> sets, ChatPipeline pipeline) throws Exception {
        StringBuilder md = new StringBuilder("# Answer evaluation\n\n");
        boolean missed = false;
        for (int i = 0; i < sets.size(); i++) {
            List<AnswerJudge.Verdict> verdicts = new ArrayList<>();
            for (AnswerCase c : sets.get(i)) {
                verdicts.add(AnswerJudge.judge(c, pipeline.run(c)));
            }
            AnswerReport r = new AnswerReport(files.get(i).getFileName().toString(), verdicts);
            double[] dec = r.precisionRecall(Action.DECLINE);
            double[] hand = r.precisionRecall(Action.HANDOFF);
            console.printf("%s: %d questions, useful %d (%.1f%%), harmful %d, scenario accuracy %.1f%%, "
                            + "decline P/R %.2f/%.2f, hand-off P/R %.2f/%.2f, latency p50 %d ms p95 %d ms%n",
                    r.name(), r.total(), r.useful(), 100 * r.usefulRate(), r.harmful(), 100 * r.scenarioAccuracy(),
                    dec[0], dec[1], hand[0], hand[1], r.latencyPercentile(0.5), r.latencyPercentile(0.95));
            md.append(r.markdown());
            missed |= minUseful != null && r.usefulRate() < minUseful || maxHarmful != null && r.harmful() > maxHarmful;
        }
        if (out != null) {
            Files.writeString(out, md);
            console.printf("Report with every miss: %s%n", out.toAbsolutePath());
        } else {
            console.print(md);
            console.flush();
        }
        return missed ? 3 : 0;
    }

    /** The embedded default loads the demo knowledge base in the background on first start: wait for it. */
    private void awaitDemoKnowledgeBase(ConfigurableApplicationContext ctx) throws InterruptedException {
        if (!Boolean.parseBoolean(ctx.getEnvironment().getProperty("finassist.rag.demo", "true"))) {
            return;
        }
        KnowledgeIndex index = ctx.getBean(KnowledgeIndex.class);
        int want = DemoKnowledgeBase.files().size();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (index.documents(DemoKnowledgeBase.KB_ID).size() < want && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }

    /**
     * The user's arguments plus a loopback-only server on a free port, a fresh data directory, quiet logs and no
     * request-rate guard. The evaluation is this process's only caller, so the {@code dev} profile's loopback trust
     * (no API key) is safe here; a real server never runs with it.
     */
    private String[] applicationArguments() throws Exception {
        Map<String, String> defaults = Map.of("server.port", "0", "server.address", "127.0.0.1",
                "finassist.data-dir", Files.createTempDirectory("finassist-eval-answers").toString(),
                "logging.level.root", "WARN", "logging.level.org.finassist", "WARN", "spring.main.banner-mode", "off",
                "spring.profiles.include", "dev",
                // the evaluation is the only client: a long run (several sets, > 600 turns a minute) must not be
                // refused by the per-address guard meant for the internet
                "finassist.security.rate-limits.enabled", "false");
        List<String> args = new ArrayList<>(applicationArgs);
        defaults.forEach((k, v) -> {
            if (applicationArgs.stream().noneMatch(a -> a.startsWith("--" + k + "="))) {
                args.add("--" + k + "=" + v);
            }
        });
        return args.toArray(String[]::new);
    }
}
