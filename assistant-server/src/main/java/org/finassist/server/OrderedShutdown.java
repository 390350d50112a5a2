package org.finassist.server;

import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * Closes the Spring context on SIGINT/SIGTERM before the JVM's shutdown hooks run.
 *
 * <p>Why: onnxruntime registers its own shutdown hook that releases its native environment, and the JVM runs all
 * hooks at once. An embedding or OCR inference still running (a knowledge-base ingest, a chat query) then reads freed
 * memory and the process dies with SIGSEGV instead of exiting. Closing the context first lets the beans that own
 * inference work (ingest jobs, executors) finish or stop it; only then does the JVM exit and the hooks run.
 */
final class OrderedShutdown {

    private OrderedShutdown() {
    }

    static void install(ConfigurableApplicationContext context) {
        handle("INT", 130, context);
        handle("TERM", 143, context);
    }

    private static void handle(String name, int status, ConfigurableApplicationContext context) {
        try {
            Signal.handle(new Signal(name), signal -> {
                Thread closer = new Thread(() -> {
                    context.close();
                    System.exit(status);
                }, "finassist-shutdown");
                closer.start();
            });
        } catch (IllegalArgumentException e) {
            // the signal is reserved or ignored by the launcher (e.g. SIGINT in a background job): keep the JVM default
        }
    }
}
