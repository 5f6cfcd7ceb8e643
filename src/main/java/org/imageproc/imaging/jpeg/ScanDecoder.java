package org.imageproc.imaging.jpeg;

import java.util.Arrays;

/**
 * Decodes one scan's entropy-coded data: a sequential scan straight into samples at the frame's scale, or a
 * progressive DC scan (first or refining) into each block's DC coefficient. Anything damaged is left to ImageIO.
 */
final class ScanDecoder {

    private final Frame frame;
    private final Component[] scan;
    private final HuffmanTable[] dcTables;
    private final HuffmanTable[] acTables;
    private final int restartInterval;
    private final int[] predictions;
    private final int[] block = new int[64];
    private final ReducedIdct idct;

    ScanDecoder(Frame frame, Component[] scan, HuffmanTable[] dcTables, HuffmanTable[] acTables, int restartInterval) {
        this.frame = frame;
        this.scan = scan;
        this.dcTables = dcTables;
        this.acTables = acTables;
        this.restartInterval = restartInterval;
        this.predictions = new int[scan.length];
        this.idct = frame.blockSize == 1 ? null : new ReducedIdct(frame.blockSize);
    }

    /** A baseline or extended sequential scan (Ss 0, Se 63, no successive approximation). */
    void sequential(EntropyReader in) throws NotDecodedHere {
        forEachBlock(in, (c, bx, by) -> sequentialBlock(in, c, bx, by));
    }

    /** A progressive DC scan: the first (successive approximation high bit 0) or a refining one. */
    void progressiveDc(EntropyReader in, int high, int low) throws NotDecodedHere {
        forEachBlock(in, (c, bx, by) -> {
            in.ensure();
            Component component = scan[c];
            int index = by * component.blocksWide + bx;
            if (high == 0) {
                predictions[c] += in.difference(dcTables[c]);
                component.dc[index] = predictions[c] << low;
            } else if (in.bits(1) != 0) {
                component.dc[index] |= 1 << low;
            }
        });
    }

    private void sequentialBlock(EntropyReader in, int c, int bx, int by) throws NotDecodedHere {
        in.ensure();
        predictions[c] += in.difference(dcTables[c]);
        Component component = scan[c];
        HuffmanTable ac = acTables[c];
        int n = frame.blockSize;
        if (n == 1) {
            in.skipAc(ac, 1);
            int value = ((predictions[c] * component.quant[0] + 4) >> 3) + 128;
            component.samples[by * component.stride + bx] = ReducedIdct.clamp(value);
            return;
        }
        int kept = ReducedIdct.zigzagLength(n);
        for (int k = 0; k < kept; k++) {
            block[ReducedIdct.NATURAL[k]] = 0;
        }
        block[0] = predictions[c];
        int k = 1;
        while (k < kept) {
            in.ensure();
            int coefficient = in.coefficient(ac);
            int run = (coefficient >> 5) & 15;
            int value = coefficient >> 16;
            if (value == 0) {
                if (run != 15) {
                    k = 64;
                    break;
                }
                k += 16;
                continue;
            }
            k += run;
            if (k > 63) {
                throw new NotDecodedHere("an AC coefficient out of range");
            }
            if (k < kept) {
                block[ReducedIdct.NATURAL[k]] = value;
            }
            k++;
        }
        // the coefficients past the kept ones are only stepped over, as at 1/8
        if (k < 64) {
            in.skipAc(ac, k);
        }
        idct.block(block, component.quant, component.samples, by * n * component.stride + bx * n, component.stride);
    }

    /** Visits the scan's blocks in their coded order, checking restart markers between intervals. */
    private void forEachBlock(EntropyReader in, BlockVisitor visitor) throws NotDecodedHere {
        int restarts = 0;
        int mcu = 0;
        if (scan.length == 1) {
            Component c = scan[0];
            for (int by = 0; by < c.scanBlocksHigh; by++) {
                for (int bx = 0; bx < c.scanBlocksWide; bx++, mcu++) {
                    restarts = restartIfDue(in, mcu, restarts);
                    visitor.visit(0, bx, by);
                }
            }
        } else {
            for (int my = 0; my < frame.mcusHigh; my++) {
                for (int mx = 0; mx < frame.mcusWide; mx++, mcu++) {
                    restarts = restartIfDue(in, mcu, restarts);
                    for (int i = 0; i < scan.length; i++) {
                        Component c = scan[i];
                        for (int y = 0; y < c.v; y++) {
                            for (int x = 0; x < c.h; x++) {
                                visitor.visit(i, mx * c.h + x, my * c.v + y);
                            }
                        }
                    }
                }
            }
        }
        in.finish();
    }

    private int restartIfDue(EntropyReader in, int mcu, int restarts) throws NotDecodedHere {
        if (restartInterval == 0 || mcu == 0 || mcu % restartInterval != 0) {
            return restarts;
        }
        in.restart(restarts & 7);
        Arrays.fill(predictions, 0);
        return restarts + 1;
    }

    /** One block of one of the scan's components, at block column bx and row by of that component. */
    @FunctionalInterface
    private interface BlockVisitor {
        void visit(int component, int bx, int by) throws NotDecodedHere;
    }
}
