package org.imageproc.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The checks of issue #10 after a run, from the outside: every upload has a SUCCEEDED item and a thumbnail, exactly
 * one run of all the processes' logs finished it and that run is the one the item names, and both queues are empty.
 */
final class NothingLost {

    private static final List<QueueAttributeName> DEPTHS = List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
    private static final int EXAMPLES = 5;

    /** What the checks found; {@code finishedBy}: how many of the uploads each process finished. */
    record Verdict(MarkdownTable table, Map<String, Integer> finishedBy, List<String> problems) {
    }

    private final ImageItems items;
    private final SqsClient sqs;
    private final S3Client s3;
    private final String bucket;
    private final List<String> queues;

    NothingLost(ImageItems items, SqsClient sqs, S3Client s3, String bucket, List<String> queues) {
        this.items = items;
        this.sqs = sqs;
        this.s3 = s3;
        this.bucket = bucket;
        this.queues = queues;
    }

    /**
     * Waits up to {@code drainTimeout} for the queues to empty (a message is deleted just after its item is final),
     * then checks. Call it while the processes still run: in local mode the tables and queues go with the service.
     */
    Verdict check(List<Upload> uploads, List<RunLog> logs, Duration drainTimeout) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        MarkdownTable table = new MarkdownTable("check", "result");
        Map<String, String> depths = awaitDrained(drainTimeout);
        List<String> ids = uploads.stream().map(Upload::imageId).toList();
        Map<String, Map<String, AttributeValue>> byId = items.byId(ids);

        Map<String, Integer> statuses = new TreeMap<>();
        List<String> unfinished = new ArrayList<>();
        for (String id : ids) {
            Map<String, AttributeValue> item = byId.get(id);
            String status = item == null ? "missing" : ImageItems.text(item, "status");
            statuses.merge(status, 1, Integer::sum);
            if (!Outcome.SUCCEEDED.equals(status)) {
                unfinished.add(id + " " + status + (item == null ? "" : " " + ImageItems.text(item, "error") + ": "
                        + ImageItems.text(item, "cause")));
            }
        }
        table.row("uploads", ids.size());
        table.row("items by status", statuses.toString());
        report(problems, "not SUCCEEDED (lost, failed or left RUNNING)", unfinished);

        Map<String, String> itemRuns = new LinkedHashMap<>();
        byId.forEach((id, item) -> itemRuns.put(id, ImageItems.text(item, "executionId")));
        Finishes finishes = Finishes.of(ids, logs, itemRuns);
        int started = finishes.started();
        table.row("runs started (log lines, all processes)", started + " (" + (started - ids.size())
                + " more than uploads: redeliveries or runs taken over)");
        table.row("uploads finished SUCCEEDED by more than one run", finishes.twice().size());
        table.row("uploads no run logged as SUCCEEDED", finishes.unlogged().size());
        table.row("final executionId is not the one run that finished it", finishes.otherRun().size());
        report(problems, "finished more than once", finishes.twice());
        report(problems, "no SUCCEEDED line in any log", finishes.unlogged());
        report(problems, "the item names another run than the one that finished it", finishes.otherRun());

        List<String> noThumbnail = missingThumbnails(ids);
        table.row("uploads without Thumbnails/<id>", noThumbnail.size());
        report(problems, "no thumbnail", noThumbnail);
        depths.forEach((queue, depth) -> table.row("queue " + queue + ": visible / in flight / delayed", depth));
        depths.forEach((queue, depth) -> {
            if (!depth.equals("0 / 0 / 0")) {
                problems.add("queue " + queue + " not drained after " + drainTimeout + ": " + depth);
            }
        });
        return new Verdict(table, finishes.finishedBy(), problems);
    }

    private static void report(List<String> problems, String what, List<String> found) {
        if (!found.isEmpty()) {
            problems.add(found.size() + " upload(s) " + what + ", e.g. "
                    + String.join("; ", found.subList(0, Math.min(EXAMPLES, found.size()))));
        }
    }

    private Map<String, String> awaitDrained(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, String> depths = new LinkedHashMap<>();
            for (String queue : queues) {
                String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
                Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(url)
                        .attributeNames(DEPTHS)).attributes();
                depths.put(queue, String.join(" / ", DEPTHS.stream().map(attributes::get).toList()));
            }
            if (depths.values().stream().allMatch("0 / 0 / 0"::equals) || Instant.now().isAfter(deadline)) {
                return depths;
            }
            Thread.sleep(1000);
        }
    }

    private List<String> missingThumbnails(List<String> ids) {
        Set<String> thumbnails = new HashSet<>();
        s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix("Thumbnails/")).contents().stream()
                .map(S3Object::key).forEach(key -> thumbnails.add(key.substring("Thumbnails/".length())));
        return ids.stream().filter(id -> !thumbnails.contains(id)).toList();
    }
}
