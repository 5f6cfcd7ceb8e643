package org.imageproc.imaging.jpeg;

import java.util.Arrays;

/**
 * Decodes one scan's entropy-coded data: a sequential scan straight into samples at the frame's scale, or a
 * progressive scan (DC or AC, first or refining; ITU T.81 G.1.2) into the coefficients the scale needs. Anything
 * damaged is left to ImageIO.
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
    /** Progressive AC scans: the blocks still to come that end before the scan's band has a non-zero coefficient. */
    private int endOfBandRun;

    ScanDecoder(Frame frame, Component[] scan, HuffmanTable[] dcTables, HuffmanTable[] acTables, int restartInterval) {
        this.frame = frame;
        this.scan = scan;
        this.dcTables = dcTables;
        this.acTables = acTables;
        this.restartInterval = restartInterval;
        this.predictions = new int[scan.length];
        this.idct = frame.blockSize == 1 || frame.progressive ? null : new ReducedIdct(frame.blockSize);
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
                component.coefficients.setDc(index, predictions[c] << low);
            } else if (in.bits(1) != 0) {
                component.coefficients.setDc(index, component.coefficients.dc(index) | 1 << low);
            }
        });
    }

    /** A progressive AC scan of one component's coefficients {@code start} to {@code stop} (zigzag). */
    void progressiveAc(EntropyReader in, int start, int stop, int high, int low) throws NotDecodedHere {
        Component component = scan[0];
        Coefficients coefficients = component.coefficients;
        HuffmanTable table = acTables[0];
        endOfBandRun = 0;
        if (high == 0) {
            forEachBlock(in, (c, bx, by) -> firstAc(in, table, coefficients, by * component.blocksWide + bx, start,
                    stop, low));
        } else {
            forEachBlock(in, (c, bx, by) -> refineAc(in, table, coefficients, by * component.blocksWide + bx, start,
                    stop, low));
        }
        if (endOfBandRun != 0) {
            throw new NotDecodedHere("an end-of-band run past the end of a scan");
        }
    }

    private void firstAc(EntropyReader in, HuffmanTable table, Coefficients coefficients, int block, int start,
            int stop, int low) throws NotDecodedHere {
        if (endOfBandRun > 0) {
            endOfBandRun--;
            return;
        }
        for (int k = start; k <= stop; k++) {
            in.ensure();
            int coefficient = in.coefficient(table);
            int run = (coefficient >> 5) & 15;
            int value = coefficient >> 16;
            if (value != 0) {
                k += run;
                if (k > stop) {
                    throw new NotDecodedHere("an AC coefficient past the end of its band");
                }
                coefficients.set(block, k, value * (1 << low));
            } else if (run == 15) {
                k += 15;
                if (k >= stop) {
                    throw new NotDecodedHere("a run of zeros past the end of its band");
                }
            } else {
                endOfBandRun = endOfBandRun(in, run) - 1;
                return;
            }
        }
    }

    /**
     * Refines a block's band by one bit: each coefficient that is non-zero already takes a correction bit, and
     * the coded ones become non-zero (+-1 at this bit) after the given run of those that are still zero. Works on
     * the block's non-zero bits: the position a run ends at is found by counting zero bits, and the correction bits
     * of coefficients that are not kept are stepped over together.
     */
    private void refineAc(EntropyReader in, HuffmanTable table, Coefficients coefficients, int block, int start,
            int stop, int low) throws NotDecodedHere {
        int bit = 1 << low;
        long band = from(start) & ~from(stop + 1);
        long nonzero = coefficients.nonzero(block);
        int k = start;
        if (endOfBandRun == 0) {
            while (k <= stop) {
                in.ensure();
                int symbol = in.decode(table);
                int run = symbol >> 4;
                int size = symbol & 15;
                int value = 0;
                if (size != 0) {
                    if (size != 1) {
                        throw new NotDecodedHere("a refining AC coefficient of more than one bit");
                    }
                    value = in.bits(1) != 0 ? bit : -bit;
                } else if (run != 15) {
                    endOfBandRun = endOfBandRun(in, run);
                    break;
                }
                // the (run + 1)th coefficient from k on that is still zero (for 16 zeros, the 16th)
                long zeros = ~nonzero & band & from(k);
                for (int i = 0; i < run; i++) {
                    zeros &= zeros - 1;
                }
                if (zeros == 0) {
                    if (value != 0) {
                        throw new NotDecodedHere("an AC coefficient past the end of its band");
                    }
                    correct(in, coefficients, block, nonzero & band & from(k), bit);
                    return;
                }
                int target = Long.numberOfTrailingZeros(zeros);
                correct(in, coefficients, block, nonzero & from(k) & ~from(target), bit);
                if (value != 0) {
                    coefficients.set(block, target, value);
                    nonzero |= 1L << target;
                }
                k = target + 1;
            }
        }
        if (endOfBandRun > 0) {
            correct(in, coefficients, block, nonzero & band & from(k), bit);
            endOfBandRun--;
        }
    }

    /** Reads the correction bits of the non-zero coefficients in {@code positions}, in order. */
    private static void correct(EntropyReader in, Coefficients coefficients, int block, long positions, int bit) {
        long left = positions;
        while (left != 0) {
            int k = Long.numberOfTrailingZeros(left);
            if (k > coefficients.lastKept()) {
                in.skip(Long.bitCount(left));
                return;
            }
            in.ensure();
            if (in.bits(1) != 0) {
                coefficients.refine(block, k, bit);
            }
            left &= left - 1;
        }
    }

    /** The bits of positions {@code k} to 63. */
    private static long from(int k) {
        return k >= 64 ? 0 : -1L << k;
    }

    /** The length of an end-of-band run coded with {@code r} extra bits: 2^r plus their value. */
    private static int endOfBandRun(EntropyReader in, int r) {
        in.ensure();
        return (1 << r) + in.bits(r);
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
        if (endOfBandRun != 0) {
            throw new NotDecodedHere("an end-of-band run past a restart marker");
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
