package org.imageproc.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.imageproc.TestService;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.run.Execution;
import org.imageproc.run.Failure;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.RunStatus;
import org.imageproc.run.RunSupersededException;
import org.imageproc.storage.StoredImage;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A FAILED item has no thumbnail, whichever comes first of the thumbnail's write and the failure of the step beside it
 * (labels, in the flow's parallel block), on the embedded S3 and DynamoDB; the interleaving is forced by failing the
 * run at the moment the store asks whether its run still owns the item.
 */
class ThumbnailStoreIT {

    private final TestService service = TestService.get();
    private final ImageCatalog catalog = service.context().getRegistry()
            .lookupByNameAndType("imageCatalog", ImageCatalog.class);
    private final byte[] jpeg = TestImages.jpeg(64, 48);
    private final Thumbnail thumbnail = new Thumbnail(jpeg, "image/jpeg", 64, 48, List.of());

    @Test
    void aThumbnailWrittenWhileTheStepBesideItFailsTheRunIsTakenBack() {
        Execution run = running();
        AtomicBoolean failedBeside = new AtomicBoolean();
        ThumbnailStore store = new ThumbnailStore(service.s3(), "Thumbnails/", execution -> {
            RunStatus status = catalog.ownStatus(execution);
            // the labels fail between the store's check before its write and the write itself
            if (failedBeside.compareAndSet(false, true)) {
                fail(execution);
            }
            return status;
        });

        assertThatThrownBy(() -> store.put(run, thumbnail))
                .isInstanceOf(RunSupersededException.class)
                .hasMessage("The run of " + run.key() + " is FAILED already (a step beside this one ended it)");
        assertThat(catalog.ownStatus(run)).isEqualTo(RunStatus.FAILED);
        assertThat(thumbnailExists(store.key(run))).as("a FAILED item has no thumbnail").isFalse();
    }

    @Test
    void aFailureAfterTheThumbnailWasWrittenRemovesIt() {
        Execution run = running();
        ThumbnailStore store = new ThumbnailStore(service.s3(), "Thumbnails/", catalog::ownStatus);

        assertThat(store.put(run, thumbnail).width()).isEqualTo(64);
        assertThat(thumbnailExists(store.key(run))).isTrue();
        fail(run);
        store.remove(run);

        assertThat(thumbnailExists(store.key(run))).as("a FAILED item has no thumbnail").isFalse();
    }

    @Test
    void aFailedRunWritesNoThumbnail() {
        Execution run = running();
        fail(run);
        ThumbnailStore store = new ThumbnailStore(service.s3(), "Thumbnails/", catalog::ownStatus);

        assertThatThrownBy(() -> store.put(run, thumbnail)).isInstanceOf(RunSupersededException.class);
        assertThat(thumbnailExists(store.key(run))).isFalse();
    }

    private Execution running() {
        String key = "Incoming/thumbnail-store/album/" + UUID.randomUUID() + ".jpg";
        Instant now = Instant.now();
        StoredImage image = new StoredImage(TestService.BUCKET, key, jpeg, Map.of(), now, "etag-" + UUID.randomUUID());
        return catalog.start(new ImageEvent(TestService.BUCKET, key, jpeg.length, image.eTag(), "0001",
                "ObjectCreated:Put", now, null), image, Map.of());
    }

    private void fail(Execution run) {
        catalog.fail(run, null, null, "detect-labels", new Failure("LabelDetectionRefused",
                "Rekognition refused the image", false), Map.of());
    }

    private boolean thumbnailExists(String key) {
        try {
            service.s3().headObject(r -> r.bucket(TestService.BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }
}
