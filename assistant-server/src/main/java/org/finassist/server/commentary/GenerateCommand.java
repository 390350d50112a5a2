package org.finassist.server.commentary;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.finassist.content.commentary.ArticleType;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code generate}: runs one commentary batch in this process (web endpoints on a loopback port only) on the configured database and job
 * engine, with a progress bar, and exports the run's articles. Started as the server jar's first argument.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes AIGC market commentary for one trading day over a universe.",
        footer = {"", "Other arguments (e.g. --spring.profiles.active=postgres, --finassist.content.market-source=hqchart)"
                + " go to the application.", "Exit codes: 0 all written, 1 bad arguments or start failure,"
                + " 3 some articles failed or were rejected."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--date", description = "trading day, e.g. 2024-09-19 (default: the latest in the data)")
    LocalDate date;

    @Option(names = "--universe", defaultValue = "csi300",
            description = "constituent list (csi300, csi500, csi1000, sse, szse) or all (default: ${DEFAULT-VALUE})")
    String universe;

    @Option(names = "--types", split = ",", defaultValue = "recap",
            description = "comma-separated: alert, recap, market, strategy, video (default: ${DEFAULT-VALUE})")
    List<String> types;

    @Option(names = "--out", description = "directory for <article-id>.md and .json of the run's articles")
    Path out;

    @CommandLine.Unmatched
    List<String> applicationArgs = new ArrayList<>();

    private final PrintWriter console;

    GenerateCommand(PrintWriter console) {
        this.console = console;
    }

    /** Entry point from {@code FinAssistApplication.main}; returns the exit code. */
    public static int run(String... args) {
        PrintWriter console = new PrintWriter(System.out, true);
        return new CommandLine(new GenerateCommand(console)).setUnmatchedOptionsArePositionalParams(false)
                .setUnmatchedArgumentsAllowed(true).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Set<ArticleType> wanted = EnumSet.noneOf(ArticleType.class);
        types.forEach(t -> wanted.add(ArticleType.of(t)));
        SpringApplication app = new SpringApplication(org.finassist.server.FinAssistApplication.class);
        // the WebSocket endpoints need a servlet container: a loopback one on a free port, nothing listens outside
        try (ConfigurableApplicationContext ctx = app.run(applicationArguments())) {
            CommentaryJobs jobs = ctx.getBean(CommentaryJobs.class);
            RunView run = jobs.start(date, universe, wanted);
            console.printf("Run %s: %d articles (%s) for %s over %s, %d workers%n", run.id(), run.total(),
                    String.join(",", run.types()), run.date(), run.universe(), jobs.workers());
            RunView last = watch(jobs, run);
            summary(last);
            if (out != null) {
                export(ctx.getBean(JdbcArticleStore.class), last.id(), out);
            }
            return last.failed() + last.rejected() > 0 ? 3 : 0;
        }
    }

    /** The user's arguments, plus quiet logs and a loopback-only web server unless the user set those keys. */
    private String[] applicationArguments() {
        // the WebSocket endpoints need a servlet container: a loopback one on a free port, nothing listens outside
        Map<String, String> defaults = Map.of("server.port", "0", "server.address", "127.0.0.1",
                "finassist.rag.demo", "false", "logging.level.root", "WARN", "logging.level.org.finassist", "WARN",
                "spring.main.banner-mode", "off");
        List<String> args = new ArrayList<>(applicationArgs);
        defaults.forEach((k, v) -> {
            if (applicationArgs.stream().noneMatch(a -> a.startsWith("--" + k + "="))) {
                args.add("--" + k + "=" + v);
            }
        });
        return args.toArray(String[]::new);
    }

    private RunView watch(CommentaryJobs jobs, RunView run) throws InterruptedException {
        RunView now = run;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("commentary").setInitialMax(run.total())
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(500).build()) {
            while (!now.finished()) {
                Thread.sleep(Duration.ofMillis(250));
                now = jobs.get(run.id()).orElseThrow();
                bar.stepTo(now.settled());
                bar.setExtraMessage("done " + now.done() + " failed " + now.failed() + " rejected " + now.rejected()
                        + " skipped " + now.skipped());
            }
            bar.stepTo(now.settled());
        }
        return now;
    }

    private void summary(RunView r) {
        Duration took = Duration.between(r.startedAt(), r.finishedAt() == null ? r.startedAt() : r.finishedAt());
        double seconds = Math.max(0.001, took.toMillis() / 1000.0);
        console.printf("Run %s %s in %.1f s: %d done, %d failed, %d rejected, %d skipped (already written), "
                        + "%d cancelled; %.1f articles/s%n", r.id(), r.state(), seconds, r.done(), r.failed(),
                r.rejected(), r.skipped(), r.cancelled(), (r.done() + r.rejected()) / seconds);
    }

    private void export(JdbcArticleStore store, String runId, Path dir) throws IOException {
        Files.createDirectories(dir);
        int n = 0;
        for (int offset = 0; ; offset += 1000) {
            List<JdbcArticleStore.Summary> page = store.list(null, null, runId, 1000, offset);
            for (JdbcArticleStore.Summary s : page) {
                String file = s.id().replace('/', '_');
                Files.writeString(dir.resolve(file + ".md"), store.markdown(s.id()).orElse(""));
                Files.writeString(dir.resolve(file + ".json"), store.json(s.id()).orElse(""));
                n++;
            }
            if (page.size() < 1000) {
                break;
            }
        }
        console.printf("Exported %d articles to %s%n", n, dir.toAbsolutePath());
    }
}
