package org.imageproc.detector;

/**
 * Which views of a picture the detector runs the model on: the whole picture always; its mirror image (a horizontal
 * flip) and four overlapping quarter tiles (each at the model's full input size, so small objects are seen larger)
 * when asked. Every view's boxes are mapped back to the picture and the views merged ({@link ViewMerge}).
 */
public enum Views {

    /** The whole picture only: one model run. */
    WHOLE(false, false),
    /** The whole picture and its mirror image: two runs. */
    FLIP(true, false),
    /** The whole picture and four overlapping tiles: five runs. */
    TILES(false, true),
    /** The whole picture, its mirror image and four tiles: six runs. */
    FLIP_TILES(true, true);

    private final boolean flip;
    private final boolean tiles;

    Views(boolean flip, boolean tiles) {
        this.flip = flip;
        this.tiles = tiles;
    }

    public boolean flip() {
        return flip;
    }

    public boolean tiles() {
        return tiles;
    }
}
