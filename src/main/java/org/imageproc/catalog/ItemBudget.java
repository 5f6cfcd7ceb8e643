package org.imageproc.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.imageproc.labels.Label;

/**
 * Keeps the labels and warnings of an item within DynamoDB's 400 KB item limit, so a write that could never succeed
 * is not retried until the dead-letter queue: bounding boxes go first, then the least confident labels, then
 * warnings, each with a warning that says what was left out.
 */
final class ItemBudget {

    /** What labels and warnings may take; the rest of an item (metadata capped per field, steps) stays far below. */
    static final int BYTES = 300 * 1024;
    // DynamoDB counts a number as about its digits; a name as its UTF-8 length: generous round figures
    private static final int NUMBER = 21;
    private static final int LABEL_OVERHEAD = 64;
    private static final int INSTANCE = 5 * (NUMBER + 12);

    private final int limit;

    ItemBudget() {
        this(BYTES);
    }

    ItemBudget(int limit) {
        this.limit = limit;
    }

    record Fitted(List<Label> labels, List<String> warnings) {
    }

    Fitted fit(List<Label> labels, List<String> warnings) {
        List<String> notes = new ArrayList<>();
        List<Label> kept = labels;
        if (size(kept, warnings) > limit) {
            kept = kept.stream().map(label -> new Label(label.name(), label.confidence(), label.parents(), List.of()))
                    .toList();
            notes.add("The item was too large for DynamoDB: the labels' bounding boxes were left out");
        }
        if (size(kept, warnings) > limit) {
            List<Label> byConfidence = new ArrayList<>(kept);
            byConfidence.sort(Comparator.comparingDouble(Label::confidence).reversed());
            int count = byConfidence.size();
            while (count > 0 && size(byConfidence.subList(0, count), warnings) > limit) {
                count--;
            }
            notes.add("The item was too large for DynamoDB: only the " + count + " most confident of "
                    + kept.size() + " labels were kept");
            kept = List.copyOf(byConfidence.subList(0, count));
        }
        List<String> keptWarnings = warnings;
        if (size(kept, warnings) > limit) {
            keptWarnings = List.of();
            notes.add("The item was too large for DynamoDB: " + warnings.size() + " warnings were left out");
        }
        List<String> allWarnings = new ArrayList<>(keptWarnings);
        allWarnings.addAll(notes);
        return new Fitted(kept, allWarnings);
    }

    static int size(List<Label> labels, List<String> warnings) {
        long total = 0;
        for (Label label : labels) {
            total += LABEL_OVERHEAD + 2L * bytes(label.name()) + NUMBER
                    + label.parents().stream().mapToLong(ItemBudget::bytes).sum()
                    + (long) label.instances().size() * INSTANCE;
        }
        total += warnings.stream().mapToLong(ItemBudget::bytes).sum();
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private static long bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
