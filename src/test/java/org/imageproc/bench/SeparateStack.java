package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack alone in a JVM of its own ({@link StandaloneStack}) on free ports, and packaged services in
 * {@code aws} mode pointed at it only through their environment, as one would point them at AWS: their CPU and memory
 * are theirs alone, the stack's (S3, SQS, DynamoDB and, with labels, the local detector behind DetectLabels) apart.
 *
 * @param ports S3, SQS, DynamoDB and Rekognition
 */
record SeparateStack(ServiceProcess process, int[] ports, boolean labels) {

    /** One service in aws mode and its management server. */
    record Service(ServiceProcess process, Management management) {
    }

    /** @param labels whether the stack serves DetectLabels with the local detector */
    static SeparateStack start(String heap, Path dataDir, boolean labels, Path log) throws IOException {
        int[] ports = FreePorts.take(4);
        ServiceProcess process = ServiceProcess.startMain(System.getProperty("java.class.path"),
                StandaloneStack.class.getName(), heap, List.of(dataDir.toString(), Integer.toString(ports[0]),
                        Integer.toString(ports[1]), Integer.toString(ports[2]),
                        Integer.toString(labels ? ports[3] : 0)), log);
        return new SeparateStack(process, ports, labels);
    }

    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        process.awaitLogLine(StandaloneStack.READY, timeout);
    }

    /** SDK clients for the stack; close them before it stops. */
    BenchClients.Stack clients() {
        return BenchClients.Stack.onPorts(ports[0], ports[1], ports[2]);
    }

    /** A service in aws mode on free ports of its own, labels on when the stack serves them. */
    Service startService(Path jar, String heap, List<String> jvmOptions, Path log) throws IOException {
        int[] own = FreePorts.take(2);
        Map<String, String> environment = new HashMap<>(Map.of(
                "IMAGEPROC_MODE", "aws",
                "IMAGEPROC_AWS_S3_ENDPOINT", BenchClients.loopback(ports[0]).toString(),
                "IMAGEPROC_AWS_SQS_ENDPOINT", BenchClients.loopback(ports[1]).toString(),
                "IMAGEPROC_AWS_DYNAMODB_ENDPOINT", BenchClients.loopback(ports[2]).toString(),
                "IMAGEPROC_LABELS_ENABLED", Boolean.toString(labels),
                "IMAGEPROC_WEB_PORT", Integer.toString(own[0]),
                "IMAGEPROC_MANAGEMENT_PORT", Integer.toString(own[1]),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test"));
        if (labels) {
            environment.put("IMAGEPROC_AWS_REKOGNITION_ENDPOINT", BenchClients.loopback(ports[3]).toString());
        }
        ServiceProcess service = ServiceProcess.start(jar, heap, List.of(), jvmOptions, environment, log);
        return new Service(service, new Management(own[1]));
    }
}
