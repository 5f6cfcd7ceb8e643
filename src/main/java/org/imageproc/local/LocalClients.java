package org.imageproc.local;

import java.net.URI;
import java.time.Duration;

import org.imageproc.aws.LocalStackSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for the local servers: the local credentials, and short timeouts since the servers are on loopback. */
final class LocalClients {

    private LocalClients() {
    }

    static SqsClient sqs(LocalStackSettings settings, URI endpoint) {
        return local(SqsClient.builder(), settings, endpoint).build();
    }

    static S3Client s3(LocalStackSettings settings, URI endpoint) {
        return local(S3Client.builder().forcePathStyle(true), settings, endpoint).build();
    }

    static DynamoDbClient dynamoDb(LocalStackSettings settings, URI endpoint) {
        return local(DynamoDbClient.builder(), settings, endpoint).build();
    }

    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B local(B builder,
            LocalStackSettings settings, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                // several HTTP clients are on the classpath: name one
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)))
                .overrideConfiguration(config -> config.apiCallTimeout(Duration.ofSeconds(10)));
    }
}
