package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs one service process logged (catalog/ImageCatalog): each "Started execution" and each "Execution … SUCCEEDED",
 * which is written only after the run's conditional final write went through.
 */
record RunLog(String process, List<Run> started, List<Run> succeeded, int errorLines, int outOfMemoryLines) {

    /** One run of one image: its execution id and image id (the key without {@code Incoming/}). */
    record Run(String executionId, String imageId) {
    }

    private static final Pattern STARTED = Pattern.compile("Started execution (\\S+) for s3://[^/]+/Incoming/(\\S+)");
    private static final Pattern SUCCEEDED = Pattern.compile("Execution (\\S+) for Incoming/(\\S+) SUCCEEDED");
    private static final Pattern ERROR = Pattern.compile(" ERROR |^Exception in thread");

    static RunLog read(String process, Path log) throws IOException {
        List<Run> started = new ArrayList<>();
        List<Run> succeeded = new ArrayList<>();
        int errors = 0;
        int outOfMemory = 0;
        try (Stream<String> lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                add(STARTED.matcher(line), started);
                add(SUCCEEDED.matcher(line), succeeded);
                errors += ERROR.matcher(line).find() ? 1 : 0;
                outOfMemory += line.contains("OutOfMemoryError") ? 1 : 0;
            }
        }
        return new RunLog(process, started, succeeded, errors, outOfMemory);
    }

    private static void add(Matcher matcher, List<Run> runs) {
        if (matcher.find()) {
            runs.add(new Run(matcher.group(1), matcher.group(2)));
        }
    }
}
