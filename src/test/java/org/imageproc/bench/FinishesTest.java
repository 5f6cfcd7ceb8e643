package org.imageproc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale benchmark's proof that no upload was finished twice, on logs made up for each case. */
class FinishesTest {

    @TempDir
    Path dir;

    @Test
    void eachUploadFinishedOnceByTheRunItsItemNamesIsClean() throws IOException {
        Finishes finishes = Finishes.of(List.of("a.jpg", "b.jpg"), List.of(
                log("one", "Started execution e1 for s3://photo-repo/Incoming/a.jpg",
                        "Execution e1 for Incoming/a.jpg SUCCEEDED"),
                log("two", "Started execution e2 for s3://photo-repo/Incoming/b.jpg",
                        "Execution e2 for Incoming/b.jpg SUCCEEDED")),
                Map.of("a.jpg", "e1", "b.jpg", "e2"));

        assertThat(finishes.twice()).isEmpty();
        assertThat(finishes.unlogged()).isEmpty();
        assertThat(finishes.otherRun()).isEmpty();
        assertThat(finishes.finishedBy()).containsExactly(Map.entry("one", 1), Map.entry("two", 1));
        assertThat(finishes.started()).isEqualTo(2);
    }

    @Test
    void twoProcessesFinishingOneUploadAreCaught() throws IOException {
        Finishes finishes = Finishes.of(List.of("a.jpg"), List.of(
                log("one", "Execution e1 for Incoming/a.jpg SUCCEEDED"),
                log("two", "Execution e2 for Incoming/a.jpg SUCCEEDED")),
                Map.of("a.jpg", "e2"));

        assertThat(finishes.twice()).containsExactly("a.jpg by [one, two]");
    }

    @Test
    void anItemNamingAnotherRunThanTheFinisherIsCaught() throws IOException {
        Finishes finishes = Finishes.of(List.of("a.jpg", "b.jpg"), List.of(
                log("one", "Execution e1 for Incoming/a.jpg SUCCEEDED")), Map.of("a.jpg", "e9"));

        assertThat(finishes.otherRun()).containsExactly("a.jpg: logged e1, item names e9");
        assertThat(finishes.unlogged()).containsExactly("b.jpg");
    }

    @Test
    void runsOfOtherUploadsAndOtherLinesAreLeftOut() throws IOException {
        Finishes finishes = Finishes.of(List.of("a.jpg"), List.of(
                log("one", "12:00:00.000 INFO  [main] o.i.c.ImageCatalog - Execution e0 for Incoming/warm.jpg"
                        + " SUCCEEDED", "12:00:00.001 ERROR [main] something else",
                        "12:00:00.002 INFO  [x] o.i.c.ImageCatalog - Execution e1 for Incoming/a.jpg SUCCEEDED")),
                Map.of("a.jpg", "e1"));

        assertThat(finishes.finishedBy()).containsExactly(Map.entry("one", 1));
        assertThat(finishes.twice()).isEmpty();
    }

    private RunLog log(String process, String... lines) throws IOException {
        Path file = dir.resolve(process + ".log");
        Files.write(file, List.of(lines));
        return RunLog.read(process, file);
    }
}
