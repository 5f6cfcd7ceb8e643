package org.imageproc.thumbnail;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.run.Execution;
import org.imageproc.run.FlowSettings;
import org.imageproc.run.Variables;

/** The make-thumbnail step: scales the run's working image to the flow's size and stores it while the run owns the item. */
public class ThumbnailStep {

    private final ThumbnailStore store;

    public ThumbnailStep(ThumbnailStore store) {
        this.store = store;
    }

    /** @param maxSize the flow's longest side in pixels (process-image.yaml sets it from imageproc.thumbnail.max-size) */
    @Handler
    public StoredThumbnail make(@Variable(Variables.EXECUTION) Execution execution,
            @Variable(Variables.WORKING) WorkingImage working, @Variable(Variables.METADATA) ImageMetadata metadata,
            @Variable(Variables.THUMBNAIL_MAX_SIZE) Integer maxSize) {
        return store.put(execution, scale(working, metadata, maxSize));
    }

    /** The thumbnail, not stored yet. */
    static Thumbnail scale(WorkingImage working, ImageMetadata metadata, Integer maxSize) {
        ThumbnailMaker maker = new ThumbnailMaker(FlowSettings.require(Variables.THUMBNAIL_MAX_SIZE, maxSize));
        return maker.make(FlowSettings.require(Variables.WORKING, working), metadata.format());
    }
}
