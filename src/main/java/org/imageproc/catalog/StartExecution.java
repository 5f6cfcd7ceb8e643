package org.imageproc.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.run.Execution;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.RunSupersededException;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Variables;
import org.imageproc.storage.StoredImage;

/**
 * The start-execution step: claims the item for the upload as read, with the steps so far; null when it was already
 * processed. An upload for an album deleted meanwhile (its form outlived the album) is removed instead.
 */
public class StartExecution {

    private final ImageCatalog catalog;
    private final BiPredicate<String, Instant> albumDeleted;
    private final Consumer<String> removePhoto;

    /**
     * @param albumDeleted whether an album (by id) was deleted after an upload made at a time (null when unknown)
     * @param removePhoto  removes everything stored of a photo (by image id)
     */
    public StartExecution(ImageCatalog catalog, BiPredicate<String, Instant> albumDeleted,
            Consumer<String> removePhoto) {
        this.catalog = catalog;
        this.albumDeleted = albumDeleted;
        this.removePhoto = removePhoto;
    }

    /**
     * Checks the album after the claim: a deletion removes the album's item and then the photos it lists, so a claim
     * it did not list finds the album gone.
     */
    @Handler
    public Execution start(@Variable(Variables.EVENT) ImageEvent event, @Variable(Variables.IMAGE) StoredImage image,
            @Variable(Variables.STEPS) Map<String, StepRecord> steps) {
        Execution execution = catalog.start(event, image, steps);
        if (execution != null && image.albumId() != null && albumDeleted.test(image.albumId(), image.lastModified())) {
            removePhoto.accept(execution.imageId());
            throw new RunSupersededException("The album " + image.albumId() + " was deleted before this upload was"
                    + " processed: the photo went with it");
        }
        return execution;
    }
}
