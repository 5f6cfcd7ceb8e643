package org.imageproc.outage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The cheapest calls that show a dependency answers for what the pipeline needs: the queue, the bucket, the tables.
 * Readiness asks all of them; the {@link OutageWatcher} asks those of a dependency found away.
 */
public final class Probes {

    private static final AwsRequestOverrideConfiguration QUICK = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(3)).build();

    private final SqsClient sqs;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String queue;
    private final String bucket;
    private final List<String> tables;

    public Probes(SqsClient sqs, S3Client s3, DynamoDbClient dynamoDb, String queue, String bucket,
            List<String> tables) {
        this.sqs = sqs;
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.queue = queue;
        this.bucket = bucket;
        this.tables = List.copyOf(tables);
    }

    /** One call: what it asks about ("table ImageMetadata") and the call itself. */
    public record Probe(Dependency dependency, String resource, Runnable call) {
    }

    /** The probes of every dependency that has them: the queue, then the bucket, then the tables. */
    public List<Probe> all() {
        List<Probe> all = new ArrayList<>();
        for (Dependency dependency : List.of(Dependency.SQS, Dependency.S3, Dependency.DYNAMODB)) {
            all.addAll(of(dependency));
        }
        return all;
    }

    public List<Probe> of(Dependency dependency) {
        return switch (dependency) {
            case SQS -> List.of(new Probe(dependency, "queue " + queue, () -> {
                String url = sqs.getQueueUrl(r -> r.queueName(queue).overrideConfiguration(QUICK)).queueUrl();
                sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)
                        .overrideConfiguration(QUICK));
            }));
            case S3 -> List.of(new Probe(dependency, "bucket " + bucket,
                    () -> s3.headBucket(r -> r.bucket(bucket).overrideConfiguration(QUICK))));
            case DYNAMODB -> tables.stream().map(table -> new Probe(dependency, "table " + table,
                    () -> dynamoDb.describeTable(r -> r.tableName(table).overrideConfiguration(QUICK)))).toList();
            case REKOGNITION -> List.of();
        };
    }

    /** Whether every probe of the dependency answers. */
    boolean answers(Dependency dependency) {
        try {
            of(dependency).forEach(probe -> probe.call().run());
            return true;
        } catch (SdkException e) {
            return false;
        }
    }
}
