package org.imageproc.imaging.jpeg;

/** One colour component of a frame: its sampling factors, its blocks, and its samples at the decoded scale. */
final class Component {

    final int id;
    final int h;
    final int v;
    final int quantTable;
    /** Blocks per row and rows of blocks, padded to whole MCUs. */
    final int blocksWide;
    final int blocksHigh;
    /** Blocks a scan of this component alone covers (no MCU padding). */
    final int scanBlocksWide;
    final int scanBlocksHigh;
    /** The samples at the decoded scale, {@code blocksWide * blockSize} to a row. */
    final byte[] samples;
    final int stride;
    /** Progressive only: the coefficients the decoded scale needs, as far as the scans so far have refined them. */
    Coefficients coefficients;
    /** The quantisation table in natural order, fixed at this component's first scan. */
    int[] quant;
    boolean seen;

    Component(int id, int h, int v, int quantTable, Frame frame) {
        this.id = id;
        this.h = h;
        this.v = v;
        this.quantTable = quantTable;
        blocksWide = frame.mcusWide * h;
        blocksHigh = frame.mcusHigh * v;
        scanBlocksWide = ceilDiv(ceilDiv(frame.width * h, frame.maxH), 8);
        scanBlocksHigh = ceilDiv(ceilDiv(frame.height * v, frame.maxV), 8);
        stride = blocksWide * frame.blockSize;
        samples = new byte[stride * blocksHigh * frame.blockSize];
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
