package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.imageproc.aws.LocalStackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A message the local queue moves to its dead-letter queue while answering a long poll (as the service's consumer
 * polls) is stored there and only there: after a restart it is in the dead-letter queue, not back in the queue, and
 * SQS's StartMessageMoveTask ({@code aws sqs start-message-move-task}) puts it back without an error in ElasticMQ's
 * store, for good.
 */
class DeadLetterMovesIT {

    @TempDir
    Path dataDir;

    @Test
    void aMessageDeadLetteredDuringALongPollStaysThereAcrossARestartAndMovesBack() {
        LocalStackSettings free = StackClients.onFreePorts(dataDir);
        // queues of its own: a stack that another test left running in this JVM persists into the newest stack's H2
        LocalStackSettings settings = new LocalStackSettings(dataDir, free.host(), 0, 0, 0, free.accessKey(),
                free.secretKey(), free.region(), free.bucket(), free.incomingPrefix(), "moves-events",
                "moves-events-dlq", free.tables());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            try (LocalAwsStack stack = StackClients.start(settings); SqsClient sqs = StackClients.sqs(stack)) {
                sqs.sendMessage(r -> r.queueUrl(stack.queueUrl()).messageBody("poison"));
                for (int receive = 1; receive <= LocalStackSettings.MAX_RECEIVE_COUNT; receive++) {
                    assertThat(longPoll(sqs, stack.queueUrl())).as("receive " + receive).hasSize(1);
                }
                // the next receive finds the message used up: the queue moves it on
                assertThat(longPoll(sqs, stack.queueUrl())).isEmpty();
                assertThat(depth(sqs, "moves-events-dlq")).isEqualTo(1);
            }

            try (LocalAwsStack stack = StackClients.start(settings); SqsClient sqs = StackClients.sqs(stack)) {
                assertThat(depth(sqs, "moves-events")).isZero();
                assertThat(depth(sqs, "moves-events-dlq")).isEqualTo(1);
                String dlq = url(sqs, "moves-events-dlq");
                String arn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN);
                sqs.startMessageMoveTask(r -> r.sourceArn(arn));
                await().atMost(Duration.ofSeconds(10)).until(() -> depth(sqs, "moves-events") == 1);
                assertThat(depth(sqs, "moves-events-dlq")).isZero();
            }

            try (LocalAwsStack stack = StackClients.start(settings); SqsClient sqs = StackClients.sqs(stack)) {
                assertThat(depth(sqs, "moves-events-dlq")).isZero();
                List<Message> back = sqs.receiveMessage(r -> r.queueUrl(stack.queueUrl()).maxNumberOfMessages(10)
                        .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount")).messages();
                assertThat(back).singleElement().satisfies(message -> {
                    assertThat(message.body()).isEqualTo("poison");
                    // moved back it starts again: five more receives before the dead-letter queue
                    assertThat(message.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "1");
                });
            }
        } finally {
            root.detachAppender(logged);
        }
        assertThat(logged.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    private static List<Message> longPoll(SqsClient sqs, String url) {
        return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(1)
                .waitTimeSeconds(3)).messages();
    }

    private static int depth(SqsClient sqs, String queue) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(url(sqs, queue)).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static String url(SqsClient sqs, String queue) {
        return sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
    }
}
