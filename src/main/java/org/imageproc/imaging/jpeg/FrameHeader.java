package org.imageproc.imaging.jpeg;

/** Reads a JPEG's frame header alone, to tell what decoding it at a reduced scale will hold in memory. */
final class FrameHeader {

    private FrameHeader() {
    }

    /**
     * Bytes of samples at the decoded scale (blockSize = samples per block edge), plus the kept coefficients and
     * non-zero bits of a progressive JPEG; 0 without a baseline, extended or progressive frame header.
     */
    static long bytesNeeded(byte[] data, int blockSize) {
        int pos = 2;
        while (pos + 3 < data.length && (data[pos] & 0xFF) == 0xFF) {
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
                return bytesNeeded(data, pos + 4, blockSize, marker == 0xC2);
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 0;
            }
            pos += 2 + ((data[pos + 2] & 0xFF) << 8 | data[pos + 3] & 0xFF);
        }
        return 0;
    }

    private static long bytesNeeded(byte[] data, int at, int blockSize, boolean progressive) {
        int height = (data[at + 1] & 0xFF) << 8 | data[at + 2] & 0xFF;
        int width = (data[at + 3] & 0xFF) << 8 | data[at + 4] & 0xFF;
        int count = data[at + 5] & 0xFF;
        int maxH = 1;
        int maxV = 1;
        for (int i = 0; i < count; i++) {
            int sampling = data[at + 7 + 3 * i] & 0xFF;
            maxH = Math.max(maxH, sampling >> 4);
            maxV = Math.max(maxV, sampling & 15);
        }
        long mcus = (long) Component.ceilDiv(width, 8 * maxH) * Component.ceilDiv(height, 8 * maxV);
        int perBlock = blockSize * blockSize + (progressive ? Coefficients.bytesPerBlock(blockSize) : 0);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            int sampling = data[at + 7 + 3 * i] & 0xFF;
            bytes += mcus * (sampling >> 4) * (sampling & 15) * perBlock;
        }
        return bytes;
    }
}
