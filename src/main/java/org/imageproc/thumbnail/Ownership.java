package org.imageproc.thumbnail;

import org.imageproc.run.Execution;
import org.imageproc.run.RunStatus;

/** Whether a run still owns its image's item (the catalog answers): asked before and after each thumbnail write. */
@FunctionalInterface
public interface Ownership {

    /** The item's status while it names this run; null once another run owns it, or nothing does. */
    RunStatus status(Execution execution);
}
