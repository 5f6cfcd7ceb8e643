package org.imageproc.run;

import java.util.List;

/** Which steps a flow runs after a given step before its last one: shown as running on the item until it ends. */
@FunctionalInterface
public interface StepsAhead {

    /** The step route ids that {@code flow} (the route id the run came in by) runs after {@code step}, in order. */
    List<String> after(String flow, String step);
}
