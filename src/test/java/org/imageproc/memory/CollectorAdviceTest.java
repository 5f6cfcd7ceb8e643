package org.imageproc.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The start-up advice names the option only where G1 runs with its adaptive threshold. */
class CollectorAdviceTest {

    @Test
    void g1WithTheAdaptiveThresholdIsToldTheOption() {
        assertThat(CollectorAdvice.advice(true, Optional.of("true"))).hasValueSatisfying(
                advice -> assertThat(advice).contains("-XX:-G1UseAdaptiveIHOP", "README"));
    }

    @Test
    void aFixedThresholdAnotherCollectorOrNoSuchOptionGetNothing() {
        assertThat(CollectorAdvice.advice(true, Optional.of("false"))).isEmpty();
        assertThat(CollectorAdvice.advice(false, Optional.of("true"))).isEmpty();
        assertThat(CollectorAdvice.advice(true, Optional.empty())).isEmpty();
    }
}
