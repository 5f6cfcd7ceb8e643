package org.imageproc;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.imageproc.backfill.BackfillCommand;
import org.imageproc.routes.RouteFilesCollector;
import org.imageproc.startup.JarScans;

/**
 * Starts the service: camel-main scans this package for configurations and routes, and loads the YAML routes; with
 * the first argument {@code backfill}, runs the operator's backfill against a running service's resources instead.
 */
public final class Application {

    private static final long STOP_WAIT_SECONDS = 10;

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("backfill")) {
            System.exit(backfill(Arrays.copyOfRange(args, 1, args.length)));
        }
        camelMain().run(args);
    }

    /** The operator's backfill; Ctrl-C or a kill stops it after the event in hand (it resumes there when run again). */
    private static int backfill(String[] args) {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            try {
                // the summary and exit code of the run come before the JVM ends
                if (!ended.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    main.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "backfill-stop"));
        try {
            return BackfillCommand.run(args, Map.of(), System.out, stop::get);
        } finally {
            ended.countDown();
        }
    }

    /** The service as camel-main runs it, YAML routes chosen by {@link RouteFilesCollector}; tests start the same. */
    public static Main camelMain() {
        Main main = new Main(Application.class) {
            @Override
            protected CamelContext createCamelContext() {
                return JarScans.install(super.createCamelContext());
            }
        };
        main.setRoutesCollector(new RouteFilesCollector());
        return main;
    }
}
