package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The DynamoDB requests a service made between two readings of its request counter, by operation; writes are the
 * requests that change items (a BatchWriteItem counts once, however many items it carries).
 */
record DynamoDbRequests(Map<String, Double> byOperation) {

    static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems");

    /** The difference; empty when either reading found no counter. */
    static Optional<DynamoDbRequests> between(Optional<Map<String, Double>> before,
            Optional<Map<String, Double>> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> difference = new TreeMap<>(after.get());
        before.get().forEach((operation, count) -> difference.merge(operation, -count, Double::sum));
        difference.values().removeIf(count -> count == 0);
        return Optional.of(new DynamoDbRequests(difference));
    }

    double writes() {
        return byOperation.entrySet().stream().filter(e -> WRITES.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** "UpdateItem 3.00, GetItem 1.00" per image. */
    String perImage(int images) {
        return byOperation.entrySet().stream().map(e -> e.getKey() + " " + num(e.getValue() / images, 2))
                .collect(Collectors.joining(", "));
    }
}
