package org.imageproc.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.imaging.WorkingImageReader;
import org.imageproc.metadata.MetadataReader;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;

/** The make-thumbnail step's scaling: from the run's working image to the flow's size. */
class ThumbnailStepTest {

    private final byte[] jpeg = TestImages.jpeg(800, 600);
    /** Decoded as decode-image does for a flow with labels on: larger than any thumbnail below. */
    private final WorkingImage image = WorkingImageReader.read(jpeg, ImageFormat.JPEG, null, 832,
            PixelBudget.unlimited());

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
