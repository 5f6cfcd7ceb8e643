package org.imageproc.catalog;

import java.util.List;

import org.imageproc.labels.Label;
import org.imageproc.run.Execution;

/** Writes a run's search entries before its final write ({@link LabelIndex#stage}). */
@FunctionalInterface
public interface LabelStaging {

    void stage(Execution execution, String userId, long uploadTime, List<Label> labels);
}
