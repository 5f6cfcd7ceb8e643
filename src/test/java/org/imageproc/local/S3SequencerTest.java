package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class S3SequencerTest {

    @Test
    void sequencersGrowAndKeepTheirWidth() {
        S3Sequencer sequencer = new S3Sequencer();
        Instant now = Instant.parse("2024-05-06T07:08:09.000001Z");

        String first = sequencer.next(now);
        String sameInstant = sequencer.next(now);
        String later = sequencer.next(now.plusSeconds(1));
        String clockWentBack = sequencer.next(now.minusSeconds(60));

        assertThat(first).isEqualTo(String.format("%016X", 1_714_979_289_000_001L));
        assertThat(sameInstant).isEqualTo(String.format("%016X", 1_714_979_289_000_002L));
        assertThat(later).isGreaterThan(sameInstant).matches("[0-9A-F]{16}");
        assertThat(clockWentBack).isGreaterThan(later).hasSize(16);
    }
}
