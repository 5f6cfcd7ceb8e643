package org.imageproc.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.imageproc.metadata.MetadataReader;
import org.imageproc.storage.StoredImage;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;

class ThumbnailStepTest {

    private final byte[] jpeg = TestImages.jpeg(800, 600);
    private final StoredImage image = new StoredImage("photo-repo", "Incoming/a.jpg", jpeg, Map.of(),
            Instant.EPOCH, "etag");

    @Test
    void theFlowsSizeIsUsed() {
        Thumbnail thumbnail = ThumbnailStep.scale(image, new MetadataReader().read(jpeg), 250);

        assertThat(thumbnail.width()).isEqualTo(250);
        assertThat(thumbnail.height()).isEqualTo(188);
    }

    @Test
    void aFlowThatSetsNoSizeIsToldWhichVariableIsMissing() {
        // the size has one source, the flow's variable (process-image.yaml sets it from imageproc.thumbnail.max-size)
        assertThatThrownBy(() -> ThumbnailStep.scale(image, new MetadataReader().read(jpeg), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'thumbnailMaxSize'");
    }

    @Test
    void aFlowsOwnSizeWins() {
        Thumbnail thumbnail = ThumbnailStep.scale(image, new MetadataReader().read(jpeg), 128);

        assertThat(thumbnail.width()).isEqualTo(128);
        assertThat(thumbnail.height()).isEqualTo(96);
    }
}
