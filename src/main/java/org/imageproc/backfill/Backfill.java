package org.imageproc.backfill;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.imageproc.catalog.FinishedUploads;
import org.imageproc.catalog.FinishedUploads.UploadState;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.job.Job;
import org.imageproc.job.JobEvents;
import org.imageproc.job.Jobs;
import org.imageproc.job.Scope;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Announces the objects under a prefix again, as a job: with scope missing those without an item, or whose item
 * describes another upload or has not ended (the event S3 would send, so the run is an upload's), with scope all every
 * object (a final item gets the job's mark first, as an owner's reprocess does). The job's item keeps the last key
 * queued, and a pointer item names the unfinished job of this bucket, prefix and scope: a backfill stopped anyhow
 * (Ctrl-C, kill, a crash) resumes after that key when run again with the same arguments.
 */
final class Backfill {

    static final String KIND = "backfill";

    /** What a run did: listed objects, queued events, skipped objects (final already), and how it ended. */
    record Summary(String jobId, boolean resumed, long listed, long queued, long skipped, boolean interrupted,
            Job job) {
    }

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final Jobs jobs;
    private final JobEvents events;
    private final ImageCatalog catalog;
    private final FinishedUploads uploads;
    private final String bucket;
    private final String incomingPrefix;

    Backfill(S3Client s3, DynamoDbClient dynamoDb, Jobs jobs, JobEvents events, ImageCatalog catalog,
            FinishedUploads uploads, String bucket, String incomingPrefix) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.jobs = jobs;
        this.events = events;
        this.catalog = catalog;
        this.uploads = uploads;
        this.bucket = bucket;
        this.incomingPrefix = incomingPrefix;
    }

    Summary run(BackfillOptions options, BooleanSupplier stop, PrintStream out) throws InterruptedException {
        if (!options.prefix().startsWith(incomingPrefix)) {
            throw new IllegalArgumentException("The service processes objects under " + incomingPrefix
                    + " only: give a --prefix that starts with it");
        }
        String task = KIND + ":" + bucket + "/" + options.prefix() + ":" + options.scope().name().toLowerCase(Locale.ROOT);
        Optional<String> unfinished = jobs.current(task);
        String jobId = unfinished.orElseGet(() -> jobs.create(KIND, ""));
        if (unfinished.isEmpty()) {
            jobs.current(task, jobId);
        }
        String after = unfinished.flatMap(jobs::position).orElse(null);
        out.println((unfinished.isPresent() ? "Resuming backfill job " + jobId + (after == null ? "" : " after " + after)
                : "Backfill job " + jobId) + " of s3://" + bucket + "/" + options.prefix() + ", scope "
                + options.scope().name().toLowerCase(Locale.ROOT));
        long total = count(options.prefix(), after);
        ProgressBar bar = new ProgressBar(out, "Queueing");
        Pacer pacer = new Pacer(options.rate(), events::waiting);
        long listed = 0;
        long queued = 0;
        long skipped = 0;
        boolean interrupted = false;
        pages:
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(options.prefix())
                .startAfter(after))) {
            List<S3Object> objects = page.contents().stream()
                    .filter(o -> o.eTag() != null && o.key().length() > incomingPrefix.length()).toList();
            Map<String, UploadState> states = uploads.states(dynamoDb, objects.stream().map(S3Object::key).toList());
            for (S3Object object : objects) {
                if (stop.getAsBoolean()) {
                    interrupted = true;
                    break pages;
                }
                listed++;
                Optional<String> version = version(object, states.get(object.key()), options.scope(), jobId);
                if (version.isPresent()) {
                    pacer.await();
                    events.announce(object.key(), object.size(), object.eTag().replace("\"", ""), version.get(),
                            jobId);
                    jobs.queued(jobId, 1, object.key());
                    queued++;
                } else {
                    skipped++;
                }
                bar.show(listed, total, queued + " queued, " + skipped + " final already", false);
            }
        }
        bar.show(listed, total, queued + " queued, " + skipped + " final already", true);
        bar.end();
        if (!interrupted) {
            jobs.queuedAll(jobId);
            jobs.current(task, null);
        }
        return new Summary(jobId, unfinished.isPresent(), listed, queued, skipped, interrupted,
                jobs.find(jobId).orElseThrow().job());
    }

    /** Waits until every photo the job queued is counted, showing them; the job as it ended. */
    Job awaitProcessed(String jobId, BooleanSupplier stop, PrintStream out) throws InterruptedException {
        ProgressBar bar = new ProgressBar(out, "Processing");
        Job job = jobs.find(jobId).orElseThrow().job();
        while (!Job.FINISHED.equals(job.state()) && !stop.getAsBoolean()) {
            bar.show(job.done() + job.failed(), job.total(), job.failed() + " failed", true);
            Thread.sleep(500);
            job = jobs.find(jobId).orElseThrow().job();
        }
        bar.show(job.done() + job.failed(), job.total(), job.failed() + " failed", true);
        bar.end();
        return job;
    }

    /**
     * The version to announce the object with, or empty to skip it: an item of this upload that ended stays, unless
     * the scope is all and the job may run it again.
     */
    private Optional<String> version(S3Object object, UploadState state, Scope scope, String jobId) {
        String eTag = object.eTag().replace("\"", "");
        if (state == null || !eTag.equals(state.eTag())) {
            return Optional.of("");
        }
        if (!state.settled()) {
            return Optional.ofNullable(state.version());
        }
        return scope == Scope.ALL
                ? catalog.allowReprocess(object.key().substring(incomingPrefix.length()), eTag, jobId)
                : Optional.empty();
    }

    /** Objects under the prefix after the key, one ListObjectsV2 per thousand: the bar's total. */
    private long count(String prefix, String after) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).startAfter(after)).contents().stream()
                .filter(o -> o.key().length() > incomingPrefix.length()).count();
    }
}
