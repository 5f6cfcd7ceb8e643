package org.imageproc.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Watches the ImageMetadata items of a set of uploads until each one is final (SUCCEEDED, or FAILED for good). */
final class ImageItems {

    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final List<ServiceProcess> processes;

    /** @param processes what must stay alive while items are awaited: the service(s), and a stack of their own */
    ImageItems(DynamoDbClient dynamoDb, String table, List<ServiceProcess> processes) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.processes = processes;
    }

    /**
     * Latencies come from the items' finishedAt, so {@code pollEvery} only decides how soon this returns; a long one
     * keeps the poller from loading the local DynamoDB the service writes to.
     *
     * @throws IllegalStateException when the service exits first
     * @throws TimeoutException when some item is not final in time
     */
    List<Outcome> awaitFinal(List<Upload> uploads, Duration pollEvery, Duration timeout)
            throws InterruptedException, TimeoutException {
        Map<String, Upload> pending = new LinkedHashMap<>();
        uploads.forEach(upload -> pending.put(upload.imageId(), upload));
        List<Outcome> outcomes = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (!pending.isEmpty()) {
            requireAlive(pending.size());
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException(pending.size() + " images not final after " + timeout + ", e.g. "
                        + pending.keySet().iterator().next());
            }
            outcomes.addAll(collectFinal(pending));
            if (!pending.isEmpty()) {
                Thread.sleep(pollEvery.toMillis());
            }
        }
        return outcomes;
    }

    /** @throws IllegalStateException when a watched process has exited */
    void requireAlive(int pending) {
        for (ServiceProcess process : processes) {
            if (!process.isAlive()) {
                throw new IllegalStateException("A process exited while " + pending + " images were pending; see "
                        + process.log());
            }
        }
    }

    /**
     * Reads the pending uploads' items once; removes the final ones from {@code pending} and returns them. A run
     * FAILED retryable and not dead-lettered is not final: its message comes back from the queue.
     */
    List<Outcome> collectFinal(Map<String, Upload> pending) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> ids = new ArrayList<>(pending.keySet());
        for (Map<String, AttributeValue> item : items(ids)) {
            String status = text(item, "status");
            if (Outcome.SUCCEEDED.equals(status) || "FAILED".equals(status) && !comesBack(item)) {
                Upload upload = pending.remove(text(item, "imageID"));
                outcomes.add(new Outcome(upload, status, Instant.parse(text(item, "startedAt")),
                        Instant.parse(text(item, "finishedAt")), steps(item),
                        text(item, "error") + ": " + text(item, "cause")));
            }
        }
        return outcomes;
    }

    /** The items of these image ids that exist, by id: status and executionId, for the final audit. */
    Map<String, Map<String, AttributeValue>> byId(List<String> ids) {
        Map<String, Map<String, AttributeValue>> byId = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>(ids);
        // a key BatchGetItem left unprocessed is asked for again; one that stays missing has no item
        for (int round = 0; round < 3 && !missing.isEmpty(); round++) {
            items(missing).forEach(item -> byId.put(text(item, "imageID"), item));
            missing.removeAll(byId.keySet());
        }
        return byId;
    }

    private List<Map<String, AttributeValue>> items(List<String> ids) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            items.addAll(fetch(ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT))));
        }
        return items;
    }

    // keys left unprocessed by BatchGetItem stay pending and are asked for again on the next poll
    private List<Map<String, AttributeValue>> fetch(List<String> ids) {
        KeysAndAttributes keys = KeysAndAttributes.builder()
                .keys(ids.stream().map(id -> Map.of("imageID", AttributeValue.fromS(id))).toList())
                .consistentRead(true)
                .projectionExpression("imageID, #status, executionId, startedAt, finishedAt, steps, #error, #cause,"
                        + " retryable, deadLetter")
                .expressionAttributeNames(Map.of("#status", "status", "#error", "error", "#cause", "cause"))
                .build();
        return dynamoDb.batchGetItem(request -> request.requestItems(Map.of(table, keys)))
                .responses().getOrDefault(table, List.of());
    }

    private static boolean comesBack(Map<String, AttributeValue> item) {
        return flag(item, "retryable") && !flag(item, "deadLetter");
    }

    private static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    private static List<Outcome.Step> steps(Map<String, AttributeValue> item) {
        AttributeValue steps = item.get("steps");
        if (steps == null || !steps.hasM()) {
            return List.of();
        }
        return steps.m().entrySet().stream()
                .filter(step -> step.getValue().m().containsKey("durationMs"))
                .map(step -> new Outcome.Step(step.getKey(), Instant.parse(text(step.getValue().m(), "startedAt")),
                        Long.parseLong(step.getValue().m().get("durationMs").n())))
                .sorted(Comparator.comparing(Outcome.Step::startedAt))
                .toList();
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
