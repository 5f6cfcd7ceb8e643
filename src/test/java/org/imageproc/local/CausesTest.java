package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/** A startup failure is told by its own message and its deepest cause's, and never as "null". */
class CausesTest {

    @Test
    void theDeepestMessageFollowsTheFailuresOwn() {
        Exception locked = new IllegalStateException("The file is locked: data/sqs/elasticmq.mv.db");
        Exception failure = new IllegalStateException("ElasticMQ could not open its database",
                new ExecutionException(new RuntimeException("Database may be already in use", locked)));

        assertThat(Causes.describe(failure))
                .isEqualTo("ElasticMQ could not open its database: The file is locked: data/sqs/elasticmq.mv.db");
    }

    @Test
    void wrappersThatOnlyRepeatTheirCauseAreSkipped() {
        Exception failure = new ExecutionException(new IOException("Address already in use"));

        assertThat(Causes.describe(failure)).isEqualTo("Address already in use");
    }

    @Test
    void aFailureWithoutAnyMessageIsNamedByItsType() {
        Exception failure = new ExecutionException(null, new TimeoutException());

        assertThat(Causes.describe(failure)).isEqualTo("java.util.concurrent.TimeoutException");
    }

    @Test
    void aFileSystemFailureThatOnlyNamesItsFileSaysWhatWentWrong() {
        Exception failure = new ExecutionException(new FileAlreadyExistsException("data/s3"));

        assertThat(Causes.describe(failure)).isEqualTo("FileAlreadyExistsException: data/s3");
    }

    @Test
    void aMessageThatAlreadyEndsInItsCausesIsKeptAsItIs() {
        Exception failure = new IllegalStateException("dynalite said: EADDRINUSE", new IOException("EADDRINUSE"));

        assertThat(Causes.describe(failure)).isEqualTo("dynalite said: EADDRINUSE");
    }
}
