package org.imageproc.web;

import java.util.List;

import org.imageproc.catalog.LabelIndex;

/** The user's labels with their photo counts, most photos first: the whole list, for suggestions. */
public record LabelList(List<LabelIndex.UserLabel> items) {
}
