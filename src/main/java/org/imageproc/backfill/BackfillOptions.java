package org.imageproc.backfill;

import org.imageproc.job.Scope;

/**
 * What the operator asked for: the prefix to list (under the incoming prefix), the scope, events per second, and
 * whether to wait for the photos to be processed.
 */
record BackfillOptions(String prefix, Scope scope, double rate, boolean waitForProcessing) {

    static final String USAGE = "Usage: java -jar imageproc.jar backfill --prefix Incoming/ [--scope missing|all]"
            + " [--rate N] [--no-wait]";
    private static final double DEFAULT_RATE = 20;

    /** The options, or {@link IllegalArgumentException} naming what is wrong. */
    static BackfillOptions parse(String[] args) {
        String prefix = null;
        Scope scope = Scope.MISSING;
        double rate = DEFAULT_RATE;
        boolean wait = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--prefix" -> prefix = value(args, ++i, "--prefix");
                case "--scope" -> scope = Scope.parse(value(args, ++i, "--scope"));
                case "--rate" -> rate = rate(value(args, ++i, "--rate"));
                case "--no-wait" -> wait = false;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (prefix == null) {
            throw new IllegalArgumentException("Name the objects to backfill with --prefix (Incoming/ for all)");
        }
        return new BackfillOptions(prefix, scope, rate, wait);
    }

    private static String value(String[] args, int at, String option) {
        if (at >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[at];
    }

    private static double rate(String value) {
        try {
            double rate = Double.parseDouble(value);
            if (rate > 0 && rate <= 1000) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--rate is events per second, more than 0 and at most 1000, not " + value);
    }
}
