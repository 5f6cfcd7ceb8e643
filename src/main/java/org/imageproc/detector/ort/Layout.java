package org.imageproc.detector.ort;

import java.util.Arrays;

/**
 * Axis permutations between the layout a TensorFlow op sees (logical) and the one an ONNX value is stored in
 * (physical): {@code perm[i]} is the physical axis that holds logical axis i.
 */
final class Layout {

    /** A TensorFlow NHWC value over an ONNX NCHW one. */
    static final int[] NHWC = {0, 2, 3, 1};

    private Layout() {
    }

    static int[] identity(int rank) {
        int[] perm = new int[rank];
        Arrays.setAll(perm, i -> i);
        return perm;
    }

    static boolean isIdentity(int[] perm) {
        return Arrays.equals(perm, identity(perm.length));
    }

    /** The layout after a TensorFlow Transpose by {@code transpose} of a value laid out as {@code perm}. */
    static int[] compose(int[] perm, int[] transpose) {
        int[] result = new int[transpose.length];
        for (int i = 0; i < transpose.length; i++) {
            result[i] = perm[transpose[i]];
        }
        return result;
    }

    static int[] inverse(int[] perm) {
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inverse[perm[i]] = i;
        }
        return inverse;
    }

    /** The ONNX Transpose perm that turns a value laid out as {@code from} into one laid out as {@code to}. */
    static int[] between(int[] from, int[] to) {
        return compose(from, inverse(to));
    }

    static long[] toLongs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}
