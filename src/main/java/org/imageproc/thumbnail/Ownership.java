package org.imageproc.thumbnail;

import org.imageproc.run.Execution;

/** Whether a run still owns its image's item (the catalog answers): asked before and after each thumbnail write. */
@FunctionalInterface
public interface Ownership {

    boolean owns(Execution execution);
}
