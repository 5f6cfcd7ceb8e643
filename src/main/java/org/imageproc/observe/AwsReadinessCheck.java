package org.imageproc.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.imageproc.aws.AwsClients;
import org.imageproc.local.LocalAwsStack;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Readiness only: the service is ready when the queue it consumes, the bucket it reads and writes and both tables
 * answer, and in local mode no local server is being restarted. Liveness does not depend on AWS, so an AWS outage
 * takes the pod out of service instead of restarting it.
 */
final class AwsReadinessCheck extends AbstractHealthCheck {

    private static final AwsRequestOverrideConfiguration QUICK = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(3)).build();

    private final AwsClients aws;
    private final String queue;
    private final String bucket;
    private final List<String> tables;

    AwsReadinessCheck(AwsClients aws, String queue, String bucket, List<String> tables) {
        super("imageproc", "aws-resources");
        this.aws = aws;
        this.queue = queue;
        this.bucket = bucket;
        this.tables = tables;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Optional<String> localOutage = aws.localStack().flatMap(LocalAwsStack::outage);
        if (localOutage.isPresent()) {
            builder.down().message(localOutage.get()).detail("resource", "local stack");
            return;
        }
        String checking = "queue " + queue;
        try {
            String url = aws.sqs().getQueueUrl(r -> r.queueName(queue).overrideConfiguration(QUICK)).queueUrl();
            aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)
                    .overrideConfiguration(QUICK));
            checking = "bucket " + bucket;
            aws.s3().headBucket(r -> r.bucket(bucket).overrideConfiguration(QUICK));
            for (String table : tables) {
                checking = "table " + table;
                aws.dynamoDb().describeTable(r -> r.tableName(table).overrideConfiguration(QUICK));
            }
            builder.up();
        } catch (SdkException e) {
            builder.down().message("Cannot reach " + checking + ": " + e.getMessage()).detail("resource", checking);
        }
    }
}
