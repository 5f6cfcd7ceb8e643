package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The packaged service in local mode (its embedded stack inside) on free loopback ports, with its own data directory:
 * the process, its management server, and the ports of its S3, SQS and DynamoDB.
 */
record LocalService(ServiceProcess process, Management management, int s3Port, int sqsPort, int dynamoDbPort) {

    /**
     * @param labels     label detection by the local detector (true) or none (false)
     * @param jvmOptions more JVM options, such as a native cache of its own or a profiler's
     */
    static LocalService start(Path jar, String heap, Path dataDir, boolean labels, List<String> jvmOptions, Path log)
            throws IOException {
        int[] ports = FreePorts.take(6);
        ServiceProcess process = ServiceProcess.start(jar, heap, List.of(
                "imageproc.data-dir=" + dataDir,
                "imageproc.local.s3-port=" + ports[0],
                "imageproc.local.sqs-port=" + ports[1],
                "imageproc.local.dynamodb-port=" + ports[2],
                "imageproc.local.rekognition-port=" + ports[3],
                "imageproc.web.port=" + ports[4],
                "imageproc.management.port=" + ports[5],
                "imageproc.labels.enabled=" + labels), jvmOptions, log);
        return new LocalService(process, new Management(ports[5]), ports[0], ports[1], ports[2]);
    }

    /** SDK clients for its stack, as a user's would be; close them before the service stops. */
    BenchClients.Stack clients() {
        return BenchClients.Stack.onPorts(s3Port, sqsPort, dynamoDbPort);
    }
}
