package org.imageproc.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** imageproc.local.detector-threads: empty means one per core; anything but a count of at least 1 is refused. */
class DetectorThreadsTest {

    @Test
    void emptyIsOnePerCoreAndACountIsTaken() {
        assertThat(AwsClients.detectorThreads("")).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(AwsClients.detectorThreads("3")).isEqualTo(3);
    }

    @Test
    void anythingElseIsRefusedNamingTheKey() {
        for (String wrong : new String[] {"0", "-1", "two", "1.5"}) {
            assertThatThrownBy(() -> AwsClients.detectorThreads(wrong)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("imageproc.local.detector-threads")
                    .hasMessageContaining("'" + wrong + "'");
        }
    }
}
