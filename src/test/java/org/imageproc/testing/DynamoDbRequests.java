package org.imageproc.testing;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's DynamoDB calls by operation, as its Prometheus endpoint shows them
 * ({@code imageproc_dynamodb_requests_total{operation="UpdateItem"} 3.0}), and how many of them wrote.
 */
public record DynamoDbRequests(Map<String, Double> byOperation) {

    /** The operations that write an item. */
    public static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems");
    private static final String SERIES = "imageproc_dynamodb_requests_total{";
    private static final Pattern OPERATION = Pattern.compile("operation=\"([^\"]+)\"");

    /** Reads them from the text of the Prometheus endpoint. */
    public static DynamoDbRequests parse(String prometheusText) {
        Map<String, Double> byOperation = new TreeMap<>();
        prometheusText.lines().filter(line -> line.startsWith(SERIES)).forEach(line -> {
            Matcher operation = OPERATION.matcher(line);
            if (operation.find()) {
                byOperation.merge(operation.group(1),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        });
        return new DynamoDbRequests(byOperation);
    }

    /** PutItem + UpdateItem + DeleteItem + BatchWriteItem + TransactWriteItems. */
    public long writes() {
        return Math.round(byOperation.entrySet().stream().filter(entry -> WRITES.contains(entry.getKey()))
                .mapToDouble(Map.Entry::getValue).sum());
    }

    /** The calls made between {@code before} and these, by operation (operations without a call left out). */
    public DynamoDbRequests since(DynamoDbRequests before) {
        Map<String, Double> delta = new TreeMap<>();
        byOperation.forEach((operation, count) -> {
            double made = count - before.byOperation.getOrDefault(operation, 0.0);
            if (made > 0) {
                delta.put(operation, made);
            }
        });
        return new DynamoDbRequests(delta);
    }
}
