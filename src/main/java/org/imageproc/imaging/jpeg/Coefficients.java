package org.imageproc.imaging.jpeg;

import java.util.Arrays;

/**
 * A progressive JPEG's coefficients of one component, as far as its scans have refined them: only the lowest n x n
 * that the reduced IDCT uses, plus one bit per coefficient saying whether it is non-zero yet, which is all a
 * refining AC scan needs to parse its bits.
 */
final class Coefficients {

    /** Bytes per block beside the n x n samples: the kept values (2 bytes each) and the non-zero bits. */
    static int bytesPerBlock(int n) {
        return 2 * n * n + (n == 1 ? 0 : Long.BYTES);
    }

    private final int n;
    private final int kept;
    /** {@code slot[k]}: where zigzag coefficient k is kept within its block's values, or -1 when it is not kept. */
    private final int[] slot = new int[64];
    private final int lastKept;
    /** The natural position of each kept value. */
    private final int[] natural;
    /** Each block's kept coefficients, quantised, row-major within the n x n corner. */
    private final short[] values;
    /** Bit k of a block's entry: zigzag coefficient k is non-zero; absent at 1/8, where AC scans are skipped. */
    private final long[] nonzero;
    /** The successive approximation bit each coefficient has been coded down to, -1 before its first scan. */
    private final int[] codedTo = new int[64];

    Coefficients(int blocks, int n) {
        this.n = n;
        kept = n * n;
        Arrays.fill(slot, -1);
        natural = new int[kept];
        int last = 0;
        for (int k = 0; k < 64; k++) {
            int at = ReducedIdct.NATURAL[k];
            if (ReducedIdct.used(at, n)) {
                slot[k] = (at >> 3) * n + (at & 7);
                natural[slot[k]] = at;
                last = k;
            }
        }
        lastKept = last;
        values = new short[blocks * kept];
        nonzero = n == 1 ? null : new long[blocks];
        Arrays.fill(codedTo, -1);
    }

    /**
     * Records a scan of coefficients {@code start} to {@code stop} down to bit {@code low}, refining from bit
     * {@code high} (0 for a first scan); refuses a scan that does not follow on from the ones before it, which
     * libjpeg decodes with a warning ("Inconsistent progression sequence").
     */
    void progress(int start, int stop, int high, int low) throws NotDecodedHere {
        if (start > 0 && codedTo[0] < 0) {
            throw new NotDecodedHere("an AC scan before the component's DC scan");
        }
        for (int k = start; k <= stop; k++) {
            if (high != Math.max(codedTo[k], 0) || (high == 0 && codedTo[k] >= 0)) {
                throw new NotDecodedHere("an inconsistent progression sequence");
            }
            codedTo[k] = low;
        }
    }

    int dc(int block) {
        return values[block * kept];
    }

    void setDc(int block, int value) {
        values[block * kept] = (short) value;
    }

    /** Bit k: zigzag coefficient k of a block is non-zero. */
    long nonzero(int block) {
        return nonzero[block];
    }

    /** The highest zigzag index kept. */
    int lastKept() {
        return lastKept;
    }

    /** Sets zigzag coefficient k (1-63) of a block to a non-zero value: kept if the reduced IDCT uses it. */
    void set(int block, int k, int value) {
        nonzero[block] |= 1L << k;
        int s = slot[k];
        if (s >= 0) {
            values[block * kept + s] = (short) value;
        }
    }

    /** Adds a correction bit to non-zero coefficient k of a block, if it is kept: its magnitude gains {@code bit}. */
    void refine(int block, int k, int bit) {
        int s = slot[k];
        if (s >= 0) {
            int at = block * kept + s;
            int value = values[at];
            if ((value & bit) == 0) {
                values[at] = (short) (value >= 0 ? value + bit : value - bit);
            }
        }
    }

    /** Writes every block's samples at the decoded scale: the DC alone at 1/8, else the reduced IDCT. */
    void writeSamples(Component c) {
        if (n == 1) {
            int q = c.quant[0];
            for (int i = 0; i < values.length; i++) {
                c.samples[i] = ReducedIdct.clamp(((values[i] * q + 4) >> 3) + 128);
            }
            return;
        }
        ReducedIdct idct = new ReducedIdct(n);
        int[] block = new int[64];
        for (int by = 0, b = 0; by < c.blocksHigh; by++) {
            for (int bx = 0; bx < c.blocksWide; bx++, b++) {
                for (int s = 0; s < kept; s++) {
                    block[natural[s]] = values[b * kept + s];
                }
                idct.block(block, c.quant, c.samples, by * n * c.stride + bx * n, c.stride);
            }
        }
    }
}
