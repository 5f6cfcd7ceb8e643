package org.imageproc.backfill;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.imageproc.TestService;
import org.imageproc.aws.LocalStack;

/**
 * The backfill command run in the test's JVM against a running test service's local stack, and objects put into its
 * bucket without their events, as if they had been there before the service.
 */
public final class InProcessBackfill {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private InProcessBackfill() {
    }

    /** Runs the command with these arguments, its output into {@code out}; its exit code. */
    public static int run(TestService service, StringBuilder out, BooleanSupplier stop, String... args) {
        LocalStack stack = service.aws().localStack().orElseThrow();
        return BackfillCommand.run(args, Map.of(
                "imageproc.local.s3-port", port(stack.s3Endpoint()),
                "imageproc.local.sqs-port", port(stack.sqsEndpoint()),
                "imageproc.local.dynamodb-port", port(stack.dynamoDbEndpoint())), printer(out), stop);
    }

    /** Runs {@code puts} while the consumer is stopped, then purges the events they caused. */
    public static void withoutEvents(TestService service, Runnable puts) throws Exception {
        service.context().getRouteController().stopRoute("consume-image-events");
        try {
            puts.run();
            String url = service.sqs().getQueueUrl(r -> r.queueName("image-events")).queueUrl();
            service.sqs().purgeQueue(r -> r.queueUrl(url));
            Awaitility.await().atMost(WAIT).until(() -> service.queueDepth("image-events") == 0);
        } finally {
            service.context().getRouteController().startRoute("consume-image-events");
        }
    }

    /** A stream whose text ends up in {@code out} as it is printed. */
    static PrintStream printer(StringBuilder out) {
        return new PrintStream(new ByteArrayOutputStream() {
            @Override
            public void flush() {
                out.append(toString(StandardCharsets.UTF_8));
                reset();
            }
        }, true, StandardCharsets.UTF_8);
    }

    private static String port(URI endpoint) {
        return Integer.toString(endpoint.getPort());
    }
}
