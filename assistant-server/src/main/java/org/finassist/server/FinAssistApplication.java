package org.finassist.server;

import org.finassist.server.commentary.GenerateCommand;
import org.finassist.server.evalanswers.EvalAnswersCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FinAssistApplication {

    /**
     * Starts the server; {@code generate …} as the first argument runs one commentary batch instead, and
     * {@code eval-answers …} the answer-quality evaluation.
     */
    public static void main(String[] args) {
        if (args.length > 0 && "generate".equals(args[0])) {
            System.exit(GenerateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "eval-answers".equals(args[0])) {
            System.exit(EvalAnswersCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        OrderedShutdown.install(SpringApplication.run(FinAssistApplication.class, args));
    }
}
