package org.imageproc.detector;

import java.util.List;

/** How Rekognition would name a class: its label name, parents (nearest first) and categories. */
record LabelInfo(String name, List<String> parents, List<String> categories) {
}
