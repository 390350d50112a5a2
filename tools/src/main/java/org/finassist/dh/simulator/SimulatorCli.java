package org.finassist.dh.simulator;

import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.Outcome;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Command line: plays customers against a running server.
 * {@code scripts/tool.sh org.finassist.dh.simulator.SimulatorCli ws://localhost:8080/ws/runtime TOKEN [runtimes]
 * [sessionsPerRuntime] [thinkMillis]}. Personas rotate cooperative, hesitant, noisy, refusing; refusing sessions
 * wait for a supervisor on the console and are reported as unfinished if nobody decides within the wait.
 */
public final class SimulatorCli {

    private SimulatorCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SimulatorCli <ws-url> <token> [runtimes=2] [sessionsPerRuntime=5] [thinkMillis=800]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        int runtimes = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int perRuntime = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long think = args.length > 4 ? Long.parseLong(args[4]) : 800;
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        List<SimulatedCustomer> all = new ArrayList<>();
        List<SimulatedRuntime> rts = new ArrayList<>();
        Persona[] personas = {Persona.COOPERATIVE, Persona.HESITANT, Persona.NOISY, Persona.REFUSING};
        for (int r = 0; r < runtimes; r++) {
            SimulatedRuntime rt = new SimulatedRuntime(uri, "sim-" + r, args[1], perRuntime, Duration.ofMillis(think),
                    scheduler);
            System.out.println("runtime sim-" + r + ": " + rt.connect());
            rts.add(rt);
            for (int s = 0; s < perRuntime; s++) {
                int n = r * perRuntime + s;
                SimulatedCustomer c = new SimulatedCustomer("sim-" + r + "-" + s + "-" + System.currentTimeMillis(),
                        demoApplicant(n), personas[n % personas.length]);
                all.add(c);
                rt.join(c);
            }
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int unfinished = 0;
        for (SimulatedCustomer c : all) {
            try {
                Outcome o = c.outcome().get(120, TimeUnit.SECONDS);
                outcomes.merge(o, 1, Integer::sum);
                System.out.println(c.sessionId() + " " + c.persona() + " -> " + o);
            } catch (TimeoutException e) {
                unfinished++;
                System.out.println(c.sessionId() + " " + c.persona() + " -> unfinished (waiting for a supervisor)");
            }
        }
        System.out.println("outcomes " + outcomes + ", unfinished " + unfinished);
        rts.forEach(SimulatedRuntime::close);
        scheduler.shutdownNow();
    }

    /** Made-up applicants for demos; ID numbers are syntactically plausible but invented. */
    static Applicant demoApplicant(int n) {
        String[] names = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄涛"};
        String id = String.format("110101199%01d0101%03d%s", n % 10, n % 1000, n % 11 == 0 ? "X" : "5");
        return new Applicant("APP-" + n, names[n % names.length], id, "示例证券", "普通证券账户");
    }
}
