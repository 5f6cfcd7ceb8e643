package org.imageproc.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectVersionTest {

    @Test
    void aGreaterSequencerIsALaterVersionWhateverTheLengths() {
        assertThat(ObjectVersion.of("0055AED6DCD90281E6")).isGreaterThan(ObjectVersion.of("0055AED6DCD90281E5"));
        // S3: right-pad the shorter value with zeros, then compare
        assertThat(ObjectVersion.of("0055AED6DCD90281E5")).isGreaterThan(ObjectVersion.of("0055AED6DCD9028"));
        assertThat(ObjectVersion.of("0055AED6DCD9028")).isEqualTo(ObjectVersion.of("0055AED6DCD902800"));
        assertThat(ObjectVersion.of("0055aed6")).isEqualTo(ObjectVersion.of("0055AED6"));
    }

    @Test
    void aMissingOrMalformedSequencerSortsFirst() {
        assertThat(ObjectVersion.of(null)).isEqualTo(ObjectVersion.of(""));
        assertThat(ObjectVersion.of("not hex")).isEqualTo(ObjectVersion.of(""));
        assertThat(ObjectVersion.of("")).isLessThan(ObjectVersion.of("00000001"));
    }
}
