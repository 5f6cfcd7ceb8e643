package org.imageproc.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The trim reaches the JVM's own diagnostic command on this JVM (OpenJDK 17 on glibc), and it answers. */
class NativeHeapTrimTest {

    @Test
    void aTrimIsAnsweredByTheJvmWithTheResidentSizeBeforeAndAfter() {
        NativeHeapTrim trim = new NativeHeapTrim(new DefaultCamelContext(), Duration.ofSeconds(10));

        assertThat(trim.trim()).matches("Trim native heap: RSS\\+Swap: \\d+[KMG]->\\d+[KMG] \\([+-]?\\d+[KMG]\\)");
    }
}
