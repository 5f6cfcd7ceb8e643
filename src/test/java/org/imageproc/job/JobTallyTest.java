package org.imageproc.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class JobTallyTest {

    private static final String JOB = "job-1";

    @Test
    void aRunOfTheJobIsCountedByHowItEnded() {
        assertThat(JobTally.outcome(item("SUCCEEDED", JOB, Map.of()), JOB)).isEqualTo(Outcome.DONE);
        assertThat(JobTally.outcome(item("FAILED", JOB, Map.of("retryable", AttributeValue.fromBool(false))), JOB))
                .isEqualTo(Outcome.FAILED);
        assertThat(JobTally.outcome(item("FAILED", JOB, Map.of("retryable", AttributeValue.fromBool(true),
                "deadLetter", AttributeValue.fromBool(true))), JOB)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aRunStillGoingOrToBeRetriedIsNotCountedYet() {
        assertThat(JobTally.outcome(item("RUNNING", JOB, Map.of()), JOB)).isNull();
        assertThat(JobTally.outcome(item("FAILED", JOB, Map.of("retryable", AttributeValue.fromBool(true))), JOB))
                .isNull();
    }

    @Test
    void aPhotoDeletedOrTakenByAnotherRunIsDone() {
        assertThat(JobTally.outcome(Map.of(), JOB)).isEqualTo(Outcome.DONE);
        assertThat(JobTally.outcome(item("RUNNING", "job-2", Map.of()), JOB)).isEqualTo(Outcome.DONE);
        assertThat(JobTally.outcome(item("FAILED", null, Map.of()), JOB)).isEqualTo(Outcome.DONE);
    }

    private static Map<String, AttributeValue> item(String status, String job, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(more);
        item.put("status", AttributeValue.fromS(status));
        if (job != null) {
            item.put("job", AttributeValue.fromS(job));
        }
        return item;
    }
}
