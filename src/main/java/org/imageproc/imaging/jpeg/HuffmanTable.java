package org.imageproc.imaging.jpeg;

/** One Huffman table of a JPEG (DHT), with a lookup for codes of up to {@link #LOOKAHEAD} bits. */
final class HuffmanTable {

    static final int LOOKAHEAD = 9;

    /** Indexed by the next {@link #LOOKAHEAD} bits: code length in bits 8 and up, symbol below; 0 for longer codes. */
    final int[] fast = new int[1 << LOOKAHEAD];
    /** The largest code of each length (1-16), -1 where there is none. */
    final int[] maxCode = new int[17];
    /** Added to a code of each length to find its symbol's index. */
    final int[] valueOffset = new int[17];
    final int[] symbols;
    /**
     * For skipping AC coefficients, indexed by the next {@link #SKIP_LOOKAHEAD} bits where they hold a whole code:
     * the bits of the code and its extra bits together (low 5 bits; the extra bits' value is never needed) and how
     * far the coefficient index moves (0 for end of block); 0 for longer codes.
     */
    final int[] skip = new int[1 << SKIP_LOOKAHEAD];

    static final int SKIP_LOOKAHEAD = 10;

    HuffmanTable(int[] counts, int[] symbols) throws NotDecodedHere {
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            valueOffset[length] = k - code;
            for (int i = 0; i < counts[length - 1]; i++, k++, code++) {
                addSkip(code, length, symbols[k]);
                if (length <= LOOKAHEAD) {
                    int first = code << (LOOKAHEAD - length);
                    for (int j = 0; j < 1 << (LOOKAHEAD - length); j++) {
                        fast[first + j] = length << 8 | symbols[k];
                    }
                }
            }
            maxCode[length] = counts[length - 1] == 0 ? -1 : code - 1;
            if (code > 1 << length) {
                throw new NotDecodedHere("a Huffman table has more codes than fit");
            }
            code <<= 1;
        }
    }

    private void addSkip(int code, int length, int symbol) {
        int extra = symbol & 15;
        int run = symbol >> 4;
        int total = length + extra;
        if (length > SKIP_LOOKAHEAD || extra > 10) {
            return;
        }
        int advance = extra == 0 ? (run == 15 ? 16 : 0) : run + 1;
        if (extra == 0 && run != 15 && run != 0) {
            // an end-of-band run belongs to progressive scans; the slow path treats it as libjpeg does
            return;
        }
        int first = code << (SKIP_LOOKAHEAD - length);
        for (int j = 0; j < 1 << (SKIP_LOOKAHEAD - length); j++) {
            skip[first + j] = advance << 5 | total;
        }
    }
}
