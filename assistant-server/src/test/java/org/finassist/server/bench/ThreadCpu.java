package org.finassist.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and context switches of a process's threads from {@code /proc/<pid>/task}, grouped by thread name with
 * digits folded ({@code ForkJoinPool-1-worker-2} and {@code -3} are one group, as Linux cuts names to 15 characters:
 * "ForkJoinPool-#-"). The gateway benchmark prints, per level, where the gateway's CPU went per request: at one
 * client the fixed background work (timers, pollers, the JIT) and the hand-offs between threads (each a context
 * switch) are what moves the CPU per request from run to run (issue 19, docs/benchmarks.md, session 10).
 * Threads that end inside a window lose their time here (the process total keeps it).
 */
final class ThreadCpu {

    /** One group's counters: clock ticks (user, system) and context switches (voluntary, involuntary). */
    record Counters(long userTicks, long systemTicks, long voluntary, long involuntary) {
        Counters plus(Counters o) {
            return new Counters(userTicks + o.userTicks, systemTicks + o.systemTicks, voluntary + o.voluntary,
                    involuntary + o.involuntary);
        }

        Counters minus(Counters o) {
            return new Counters(userTicks - o.userTicks, systemTicks - o.systemTicks, voluntary - o.voluntary,
                    involuntary - o.involuntary);
        }
    }

    private ThreadCpu() {
    }

    /** Counters per thread group of a live process; empty where there is no /proc. */
    static Map<String, Counters> snapshot(long pid) {
        Map<String, Counters> groups = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    Map.Entry<String, Counters> e = parse(Files.readString(t.resolve("stat")),
                            Files.readString(t.resolve("status")));
                    groups.merge(e.getKey(), e.getValue(), Counters::plus);
                } catch (IOException | RuntimeException threadGone) {
                    // a thread that ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return groups;
    }

    /** One thread's group and counters from its {@code stat} and {@code status} files. */
    static Map.Entry<String, Counters> parse(String stat, String status) {
        // the name sits in parentheses and may itself hold spaces and parentheses: cut at the last ')'
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long voluntary = 0;
        long involuntary = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return Map.entry(group(name), new Counters(Long.parseLong(f[11]), Long.parseLong(f[12]), voluntary,
                involuntary));
    }

    static String group(String threadName) {
        return threadName.replaceAll("\\d+", "#").trim();
    }

    /**
     * The groups that used CPU or switched between two snapshots, most CPU first, as
     * "name µs/request (system µs) switches/request", for {@code requests} requests; at most {@code top} groups.
     */
    static String perRequest(Map<String, Counters> before, Map<String, Counters> after, long requests, int top) {
        long hz = 100; // USER_HZ: Linux reports these ticks in 1/100 s on every architecture the JDK runs on
        double n = Math.max(1, requests);
        List<Map.Entry<String, Counters>> used = new ArrayList<>();
        after.forEach((name, c) -> {
            Counters d = c.minus(before.getOrDefault(name, new Counters(0, 0, 0, 0)));
            if (d.userTicks + d.systemTicks > 0 || d.voluntary + d.involuntary > 0) {
                used.add(Map.entry(name, d));
            }
        });
        used.sort((a, b) -> Long.compare(b.getValue().userTicks + b.getValue().systemTicks,
                a.getValue().userTicks + a.getValue().systemTicks));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Counters> e : used.subList(0, Math.min(top, used.size()))) {
            Counters d = e.getValue();
            parts.add(String.format("%s %.0f µs (sys %.0f), %.2f switches", e.getKey(),
                    (d.userTicks + d.systemTicks) * 1e6 / hz / n, d.systemTicks * 1e6 / hz / n,
                    (d.voluntary + d.involuntary) / n));
        }
        return String.join("; ", parts);
    }
}
