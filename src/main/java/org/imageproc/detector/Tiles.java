package org.imageproc.detector;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.util.List;

/** The extra views of a picture: its mirror image and four overlapping tiles, each of them a picture of its own. */
public final class Tiles {

    /** Each tile's share of the picture's width and height; neighbouring tiles overlap by a third of a tile. */
    static final double SIDE = 0.6;
    /** Four tiles, 2 x 2, relative to the picture. */
    public static final List<Box> REGIONS = List.of(new Box(0, 0, SIDE, SIDE), new Box(1 - SIDE, 0, SIDE, SIDE),
            new Box(0, 1 - SIDE, SIDE, SIDE), new Box(1 - SIDE, 1 - SIDE, SIDE, SIDE));

    private Tiles() {
    }

    /** The part of the picture a region covers (a view on the same pixels). */
    public static BufferedImage crop(BufferedImage picture, Box region) {
        int x = (int) Math.round(region.left() * picture.getWidth());
        int y = (int) Math.round(region.top() * picture.getHeight());
        int w = Math.min(picture.getWidth() - x, (int) Math.round(region.width() * picture.getWidth()));
        int h = Math.min(picture.getHeight() - y, (int) Math.round(region.height() * picture.getHeight()));
        return picture.getSubimage(x, y, w, h);
    }

    /** The picture flipped left to right. */
    public static BufferedImage mirrored(BufferedImage picture) {
        AffineTransform flip = new AffineTransform(-1, 0, 0, 1, picture.getWidth(), 0);
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), picture.getType());
        return new AffineTransformOp(flip, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(picture, out);
    }
}
