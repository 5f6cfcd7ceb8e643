package org.imageproc.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.imageproc.metadata.MetadataReader;
import org.imageproc.storage.StoredImage;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;

class ThumbnailStepTest {

    private final ThumbnailStep step = new ThumbnailStep(new ThumbnailMaker(250));
    private final byte[] jpeg = TestImages.jpeg(800, 600);
    private final StoredImage image = new StoredImage("photo-repo", "Incoming/a.jpg", jpeg, Map.of(),
            Instant.EPOCH, "etag");

    @Test
    void aFlowWithoutItsOwnSizeGetsTheConfiguredOne() {
        Thumbnail thumbnail = step.make(image, new MetadataReader().read(jpeg), null);

        assertThat(thumbnail.width()).isEqualTo(250);
        assertThat(thumbnail.height()).isEqualTo(188);
    }

    @Test
    void aFlowsOwnSizeWins() {
        Thumbnail thumbnail = step.make(image, new MetadataReader().read(jpeg), 128);

        assertThat(thumbnail.width()).isEqualTo(128);
        assertThat(thumbnail.height()).isEqualTo(96);
    }
}
