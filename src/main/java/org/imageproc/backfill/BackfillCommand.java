package org.imageproc.backfill;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.imageproc.aws.AwsClients;
import org.imageproc.catalog.FinishedUploads;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.config.Config;
import org.imageproc.job.Job;
import org.imageproc.job.JobEvents;
import org.imageproc.job.Jobs;
import org.imageproc.storage.CurrentObject;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The operator's {@code backfill} command: the service's properties (application.properties, overridden by the
 * environment as for the service), clients of the running service's resources, the {@link Backfill}, and a summary.
 * Exit codes: 0 done, 1 failed, 2 wrong arguments, 3 nothing to talk to, 130 interrupted (run it again to resume).
 */
public final class BackfillCommand {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_RUNNING = 3;
    static final int INTERRUPTED = 130;

    private BackfillCommand() {
    }

    /**
     * Runs the command with {@code args} (after the word backfill); {@code overrides} replace properties (tests);
     * {@code stop} turns true when the operator interrupts (the position is kept after every event, so stopping loses
     * nothing).
     */
    public static int run(String[] args, Map<String, String> overrides, PrintStream out, BooleanSupplier stop) {
        BackfillOptions options;
        try {
            options = BackfillOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(BackfillOptions.USAGE);
            return USAGE;
        }
        Config config = config(overrides);
        AwsClients aws = AwsClients.attach(config);
        // started so that stopping it closes the clients
        aws.start();
        try {
            String queue = config.string("imageproc.queue");
            try {
                aws.sqs().getQueueUrl(r -> r.queueName(queue));
            } catch (SdkClientException e) {
                out.println(notReachable(config, e));
                return NOT_RUNNING;
            }
            return backfill(config, aws, options, out, stop);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("Interrupted; run the same command again to resume");
            return INTERRUPTED;
        } catch (RuntimeException e) {
            out.println("The backfill stopped: " + e.getMessage() + "; run the same command again to resume");
            return FAILED;
        } finally {
            aws.stop();
        }
    }

    private static int backfill(Config config, AwsClients aws, BackfillOptions options, PrintStream out,
            BooleanSupplier stop) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        String bucket = config.string("imageproc.bucket");
        String imageTable = config.string("imageproc.table.images");
        String incomingPrefix = config.string("imageproc.incoming-prefix");
        Jobs jobs = new Jobs(aws.dynamoDb(), config.string("imageproc.table.jobs"), clock);
        Backfill backfill = new Backfill(aws.s3(), aws.dynamoDb(), jobs,
                new JobEvents(aws.sqs(), config.string("imageproc.queue"), bucket, aws.region().id(), clock),
                new ImageCatalog(aws.dynamoDb(), imageTable, incomingPrefix, new CurrentObject(aws.s3(), bucket),
                        clock),
                new FinishedUploads(imageTable, incomingPrefix), bucket, incomingPrefix);
        Backfill.Summary summary = backfill.run(options, stop, out);
        out.println(String.format(Locale.ROOT, "Listed %d object(s): %d queued, %d final already (job %s%s)",
                summary.listed(), summary.queued(), summary.skipped(), summary.jobId(),
                summary.resumed() ? ", resumed" : ""));
        if (summary.interrupted()) {
            out.println("Interrupted: the job keeps its last key queued; run the same command again to resume");
            return INTERRUPTED;
        }
        if (!options.waitForProcessing()) {
            return DONE;
        }
        Job job = backfill.awaitProcessed(summary.jobId(), stop, out);
        out.println(String.format(Locale.ROOT, "Processed %d of %d: %d done, %d failed%s", job.done() + job.failed(),
                job.total(), job.done(), job.failed(),
                Job.FINISHED.equals(job.state()) ? "" : " so far (the service goes on with the rest)"));
        return DONE;
    }

    private static String notReachable(Config config, SdkClientException e) {
        if (config.string("imageproc.mode").trim().equalsIgnoreCase("local")) {
            return "The local stack does not answer at " + config.string("imageproc.local.host") + " (SQS port "
                    + config.string("imageproc.local.sqs-port") + ", imageproc.local.sqs-port): start the service"
                    + " first (java -jar target/imageproc.jar, with the same IMAGEPROC_* settings), then run the"
                    + " backfill again. For AWS, set IMAGEPROC_MODE=aws.";
        }
        return "The queue " + config.string("imageproc.queue") + " does not answer (" + e.getMessage() + "): check"
                + " the region (IMAGEPROC_AWS_REGION), the credentials and the network, then run the backfill again.";
    }

    /** The service's properties as it reads them: application.properties, then the environment, then overrides. */
    static Config config(Map<String, String> overrides) {
        DefaultCamelContext context = new DefaultCamelContext(false);
        // built, never started: the properties need its type converter, nothing runs
        context.build();
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.setLocation("classpath:application.properties");
        Properties values = new Properties();
        values.putAll(overrides);
        properties.setOverrideProperties(values);
        return new Config(properties);
    }
}
