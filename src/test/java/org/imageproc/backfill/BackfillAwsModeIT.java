package org.imageproc.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.imageproc.TestService;
import org.imageproc.aws.AwsModeService;
import org.imageproc.local.LocalAwsStack;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The backfill command in {@code aws} mode, as an operator runs it against AWS: its endpoints from configuration, its
 * credentials from the SDK's default chain, nothing local started; here against a separately started local stack
 * that an aws-mode service consumes from.
 */
class BackfillAwsModeIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static AwsModeService aws;

    @BeforeAll
    static void startStackThenServiceInAwsMode() {
        aws = AwsModeService.start();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void queuesTheObjectsOfThePrefixThroughTheConfiguredEndpoints() throws Exception {
        TestService service = aws.service();
        List<String> keys = new ArrayList<>();
        InProcessBackfill.withoutEvents(service, () -> {
            for (int i = 0; i < 3; i++) {
                String key = "Incoming/aws-bf/p" + i + ".jpg";
                service.s3().putObject(r -> r.bucket(TestService.BUCKET).key(key),
                        RequestBody.fromBytes(TestImages.jpeg(300, 240)));
                keys.add(key);
            }
        });
        StringBuilder out = new StringBuilder();
        LocalAwsStack stack = aws.stack();

        int code = BackfillCommand.run(new String[] {"--prefix", "Incoming/aws-bf/", "--rate", "50"}, Map.of(
                "imageproc.mode", "aws",
                "imageproc.aws.s3-endpoint", stack.s3Endpoint().toString(),
                "imageproc.aws.sqs-endpoint", stack.sqsEndpoint().toString(),
                "imageproc.aws.dynamodb-endpoint", stack.dynamoDbEndpoint().toString()),
                InProcessBackfill.printer(out), () -> false);

        assertThat(code).as(out.toString()).isZero();
        assertThat(out).contains("Listed 3 object(s): 3 queued, 0 final already")
                .contains("Processed 3 of 3: 3 done, 0 failed");
        assertThat(keys).allSatisfy(key -> {
            Map<String, AttributeValue> item = service.awaitSucceeded(key.substring("Incoming/".length()), WAIT);
            assertThat(item.get("thumbnail").m().get("height").n()).as(key).isEqualTo("200");
        });
        assertThat(service.aws().localStack()).isEmpty();
    }
}
