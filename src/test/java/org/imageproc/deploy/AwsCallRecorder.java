package org.imageproc.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.imageproc.aws.AwsClients;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the AWS SDK calls of the test JVM while switched on: service, operation, the port it went to and what it
 * named. The SDK loads it for every client from the test resources'
 * software/amazon/awssdk/global/handlers/execution.interceptors, which is why it is public; switched off (the
 * default) it does nothing, so the other tests' calls are neither kept nor slowed.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    /**
     * One call; table, index, key and queue are empty where the operation has no such field; {@code byTheService}
     * when it came from one of the service's clients (their app id), not from the local stack's own.
     */
    record Call(String service, String operation, int port, Optional<String> table, Optional<String> index,
            Optional<String> key, Optional<String> queue, boolean byTheService) {
    }

    private static final ConcurrentLinkedQueue<Call> CALLS = new ConcurrentLinkedQueue<>();
    private static volatile boolean recording;

    public AwsCallRecorder() {
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!recording) {
            return;
        }
        SdkRequest request = context.request();
        CALLS.add(new Call(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.httpRequest().port(),
                text(request, "TableName").or(() -> batchTable(request)), text(request, "IndexName"),
                text(request, "Key"),
                text(request, "QueueUrl").or(() -> text(request, "QueueName")),
                context.httpRequest().firstMatchingHeader("User-Agent")
                        .filter(agent -> agent.contains("app/" + AwsClients.APP_ID)).isPresent()));
    }

    /** A field's value when it is text: DynamoDB's Key, say, is a map, and this interceptor must never fail a call. */
    private static Optional<String> text(SdkRequest request, String field) {
        return request.getValueForField(field, Object.class).filter(String.class::isInstance).map(String.class::cast);
    }

    /** The table of a batch call (BatchGetItem, BatchWriteItem) on one table: the one key of its RequestItems. */
    private static Optional<String> batchTable(SdkRequest request) {
        return request.getValueForField("RequestItems", Object.class).filter(Map.class::isInstance)
                .map(Map.class::cast).filter(items -> items.size() == 1)
                .map(items -> String.valueOf(items.keySet().iterator().next()));
    }

    /** Forgets what was recorded and records from now on. */
    static void start() {
        CALLS.clear();
        recording = true;
    }

    /** Runs what the test itself does (playing another S3 client) without recording it. */
    static void unrecorded(Runnable action) {
        boolean was = recording;
        recording = false;
        try {
            action.run();
        } finally {
            recording = was;
        }
    }

    /** Stops recording and returns the calls since {@link #start()}. */
    static List<Call> stop() {
        recording = false;
        return List.copyOf(CALLS);
    }
}
