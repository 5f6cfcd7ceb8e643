package org.imageproc.imaging.jpeg;

/** The frame header (SOF) of a JPEG: its size, components and MCU layout, and the scale it is decoded at. */
final class Frame {

    final int width;
    final int height;
    final boolean progressive;
    /** Samples per block edge when decoded: 8 / the scale's denominator (1 for 1/8, 2 for 1/4, 4 for 1/2). */
    final int blockSize;
    final int maxH;
    final int maxV;
    final int mcusWide;
    final int mcusHigh;
    final Component[] components;

    Frame(int width, int height, boolean progressive, int blockSize, int[][] specs) throws NotDecodedHere {
        this.width = width;
        this.height = height;
        this.progressive = progressive;
        this.blockSize = blockSize;
        int h = 1;
        int v = 1;
        for (int[] spec : specs) {
            h = Math.max(h, spec[1]);
            v = Math.max(v, spec[2]);
        }
        maxH = h;
        maxV = v;
        mcusWide = Component.ceilDiv(width, 8 * maxH);
        mcusHigh = Component.ceilDiv(height, 8 * maxV);
        components = new Component[specs.length];
        for (int i = 0; i < specs.length; i++) {
            int[] spec = specs[i];
            if (spec[1] < 1 || spec[1] > 4 || spec[2] < 1 || spec[2] > 4 || maxH % spec[1] != 0 || maxV % spec[2] != 0
                    || spec[3] > 3) {
                throw new NotDecodedHere("unusual sampling factors or quantisation table");
            }
            components[i] = new Component(spec[0], spec[1], spec[2], spec[3], this);
        }
    }

    /** The decoded size: the stored size times the scale, rounded up as libjpeg does. */
    int scaledWidth() {
        return Component.ceilDiv(width * blockSize, 8);
    }

    int scaledHeight() {
        return Component.ceilDiv(height * blockSize, 8);
    }
}
