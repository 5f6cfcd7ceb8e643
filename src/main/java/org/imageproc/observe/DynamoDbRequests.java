package org.imageproc.observe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the service's DynamoDB calls by operation (PutItem, UpdateItem, GetItem, Query...) in the counter
 * {@code imageproc.dynamodb.requests}: Prometheus shows it as {@code imageproc_dynamodb_requests_total{operation=...}}.
 */
public final class DynamoDbRequests implements ExecutionInterceptor {

    /** The counter's name. */
    public static final String COUNTER = "imageproc.dynamodb.requests";

    private final MeterRegistry registry;
    private final Map<String, Counter> byOperation = new ConcurrentHashMap<>();

    public DynamoDbRequests(MeterRegistry registry) {
        this.registry = registry;
    }

    // once per call, before the SDK's own attempts: a call the SDK retried is one request of the code
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        byOperation.computeIfAbsent(operation == null ? "unknown" : operation, name -> Counter.builder(COUNTER)
                .tag("operation", name)
                .description("DynamoDB calls the service made, by operation")
                .register(registry)).increment();
    }
}
