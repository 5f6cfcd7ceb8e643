package org.imageproc.bench;

import java.nio.file.Path;
import java.util.OptionalInt;

import org.imageproc.local.LocalAwsStack;
import org.imageproc.local.StackClients;

/**
 * The embedded local AWS stack alone in a JVM, for services in {@code aws} mode to share: S3, SQS, DynamoDB and, when a
 * Rekognition port is given, DetectLabels by the local detector. SIGTERM stops it in order.
 *
 * <p>Arguments: data directory, S3 port, SQS port, DynamoDB port, Rekognition port (0: none).
 */
public final class StandaloneStack {

    /** Printed once every server answers. */
    static final String READY = "Standalone stack ready";

    private StandaloneStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rekognitionPort = Integer.parseInt(args[4]);
        LocalAwsStack stack = StackClients.start(StackClients.onPorts(Path.of(args[0]), Integer.parseInt(args[1]),
                        Integer.parseInt(args[2]), Integer.parseInt(args[3])),
                rekognitionPort == 0 ? OptionalInt.empty() : OptionalInt.of(rekognitionPort));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stack-stop"));
        System.out.println(READY);
        Thread.currentThread().join();
    }
}
