package org.imageproc.run;

/** Where a run, and each of its steps, stands; the item stores the name. */
public enum RunStatus {

    RUNNING,
    SUCCEEDED,
    FAILED,
    /** A step that deliberately did nothing (labels switched off); never a run's status. */
    SKIPPED;

    /** Whether {@code status}, as stored, names this status. */
    public boolean is(Object status) {
        return name().equals(status);
    }
}
