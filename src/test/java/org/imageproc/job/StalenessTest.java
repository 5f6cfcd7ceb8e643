package org.imageproc.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class StalenessTest {

    private final Staleness.Current now = new Staleness.Current(true, "3.10", 250);

    @Test
    void aPhotoMadeAsRunsMakeThemNowNeedsNoRun() {
        assertThat(Staleness.needsRun(new Staleness.ItemState("SUCCEEDED", true, "3.10", 250), now)).isFalse();
    }

    @Test
    void aPhotoThatFailedLacksAPartOrWasMadeOtherwiseNeedsARun() {
        assertThat(Staleness.needsRun(new Staleness.ItemState("FAILED", false, null, null), now)).isTrue();
        assertThat(Staleness.needsRun(new Staleness.ItemState("SUCCEEDED", false, "3.10", 250), now)).isTrue();
        assertThat(Staleness.needsRun(new Staleness.ItemState("SUCCEEDED", true, null, 250), now)).isTrue();
        assertThat(Staleness.needsRun(new Staleness.ItemState("SUCCEEDED", true, "3.9", 250), now)).isTrue();
        assertThat(Staleness.needsRun(new Staleness.ItemState("SUCCEEDED", true, "3.10", 200), now)).isTrue();
        assertThat(Staleness.needsRun(new Staleness.ItemState("SUCCEEDED", true, "3.10", null), now)).isTrue();
    }

    @Test
    void withLabelsOffNoLabelsIsNothingMissing() {
        assertThat(Staleness.needsRun(new Staleness.ItemState("SUCCEEDED", true, null, 250),
                new Staleness.Current(false, null, 250))).isFalse();
    }

    @Test
    void theNewestVersionComparesNumbersPartByPart() {
        assertThat(Staleness.Current.newest(Arrays.asList("3.9", null, "3.10", "2.99"))).isEqualTo("3.10");
        assertThat(Staleness.compareVersions("3.0", "3")).isZero();
    }
}
