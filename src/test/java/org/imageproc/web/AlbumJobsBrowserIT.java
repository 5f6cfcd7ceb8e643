package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.imageproc.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reprocessing from the web app: an album as a job whose progress bar and "n of 8 reprocessed" follow it to the end
 * while the gallery's cards are drawn again as their photos finish; a job that survives a reload, one with nothing
 * to do; one photo from its view, and the photo being processed already, refused in words. Photos a job runs again
 * are the job's, not uploads: the uploads' summary does not list them.
 */
class AlbumJobsBrowserIT {

    private static final Pattern PROGRESS = Pattern.compile("(Finished: )?(\\d+) of 8 reprocessed\\.?");

    @RegisterExtension
    static final BrowserSession SESSION = BrowserSession.withSharedService();

    private final Browser browser = SESSION.browser();
    private final TestService service = SESSION.service();
    private LibraryAlbum album;
    private List<String> ids;
    /** Each photo's run before the test reprocessed anything. */
    private Map<String, String> runs;

    @Test
    void anAlbumReprocessedWholeShowsItsProgressAndRunsEveryPhotoAgain() {
        showEightPhotos("Eight");
        long drawn = cardsDrawn();
        browser.recordTexts("#album-job-status");

        new Select(browser.find("#reprocess-scope")).selectByValue("all");
        assertThat(browser.find("#reprocess-help").getText()).startsWith("Runs every photo of the album");
        browser.find("#reprocess-form button").click();

        browser.until(d -> browser.find("#album-job-status").getText().equals("Finished: 8 of 8 reprocessed."));
        String jobId = browser.find("#album-job").getAttribute("data-job-id");
        JsonNode job = album.api.get("api/jobs/" + jobId, album.user).json();
        assertThat(job.path("state").asText()).isEqualTo("FINISHED");
        assertThat(job.path("kind").asText()).isEqualTo("reprocess-album");
        assertThat(job.path("total").asLong()).isEqualTo(8);
        assertThat(job.path("done").asLong()).isEqualTo(8);
        assertThat(job.path("failed").asLong()).isZero();
        // every photo was run again, by this job
        assertThat(ids).allSatisfy(id -> {
            Map<String, AttributeValue> item = album.item(id);
            assertThat(item.get("executionId").s()).as(id).isNotEqualTo(runs.get(id));
            assertThat(item.get("job").s()).as(id).isEqualTo(jobId);
            assertThat(item.get("status").s()).as(id).isEqualTo("SUCCEEDED");
        });
        // the texts shown went up, never down, to the end
        List<Integer> counts = browser.recordedTexts().stream().map(PROGRESS::matcher).filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(2))).toList();
        assertThat(counts).isNotEmpty().isSorted().endsWith(8);
        assertThat(browser.recordedTexts())
                .allMatch(text -> PROGRESS.matcher(text).matches() || text.equals("Finding the photos…"));
        assertThat(browser.find("#album-job-progress").getAttribute("value")).isEqualTo("8");
        assertThat(browser.find("#album-job-progress").getAttribute("max")).isEqualTo("8");
        // the gallery followed: each card drawn again with its new item, all done
        browser.until(d -> cardsDrawn() >= drawn + 8);
        assertThat(browser.driver.findElements(By.cssSelector("#gallery .photo-card[data-status='SUCCEEDED']")))
                .hasSize(8);
        assertThat(storedJobs()).isZero();
        assertThat(browser.find("#reprocess-form button").isEnabled()).isTrue();
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.screenshot(browser.find("#album-view"), "album-reprocessed.png");
    }

    @Test
    void photosAJobRunsAgainAreNotShownAsUploads() {
        showEightPhotos("Quiet");
        // the runs wait for their labels until the test lets them go
        ids.forEach(service.rekognition()::delay);
        try {
            new Select(browser.find("#reprocess-scope")).selectByValue("all");
            browser.find("#reprocess-form button").click();

            browser.until(d -> d.findElements(By.cssSelector("#gallery .photo-card[data-status='RUNNING']")).size()
                    == 8);
            browser.until(d -> browser.find("#album-job-status").getText().equals("0 of 8 reprocessed"));
            assertThat(browser.find("#batch").isDisplayed()).as(browser.find("#batch").getText()).isFalse();
        } finally {
            ids.forEach(service.rekognition()::heal);
        }
        browser.until(d -> browser.find("#album-job-status").getText().equals("Finished: 8 of 8 reprocessed."));
        browser.until(d -> d.findElements(By.cssSelector("#gallery .photo-card[data-status='SUCCEEDED']")).size()
                == 8);
        assertThat(browser.find("#batch").isDisplayed()).isFalse();
    }

    @Test
    void aJobWithNothingToDoSaysSoAndARunningJobIsFollowedAfterAReload() {
        showEightPhotos("Reloaded");

        // every photo is processed and up to date: nothing is missing
        new Select(browser.find("#reprocess-scope")).selectByValue("missing");
        browser.find("#reprocess-form button").click();
        browser.until(d -> browser.find("#album-job-status").getText().equals("Nothing to reprocess."));
        assertThat(ids).allSatisfy(id -> assertThat(executionId(id)).isEqualTo(runs.get(id)));

        assertThat(storedJobs()).isZero();
        assertThat(browser.find("#reprocess-form button").isEnabled()).isTrue();
        new Select(browser.find("#reprocess-scope")).selectByValue("all");
        browser.find("#reprocess-form button").click();
        browser.until(d -> storedJobs() == 1);
        String jobId = (String) browser.driver.executeScript(
                "return Object.entries(localStorage).find(([k]) => k.startsWith('imageproc.job.'))[1]");
        browser.driver.navigate().refresh();

        browser.until(d -> jobId.equals(browser.find("#album-job").getAttribute("data-job-id")));
        browser.until(d -> browser.find("#album-job-status").getText().equals("Finished: 8 of 8 reprocessed."));
        assertThat(album.api.get("api/jobs/" + jobId, album.user).json().path("state").asText())
                .isEqualTo("FINISHED");
        assertThat(ids).allSatisfy(id -> assertThat(executionId(id)).isNotEqualTo(runs.get(id)));
        assertThat(storedJobs()).isZero();
        // a finished job is not shown again once the album is left
        browser.find("#album-view .back").click();
        browser.await("#album-list .album");
        browser.driver.navigate().back();
        browser.await("#gallery .photo-card");
        assertThat(browser.find("#album-job").isDisplayed()).isFalse();
    }

    @Test
    void aPhotoIsReprocessedFromItsViewAndOneBeingProcessedIsRefusedInWords() {
        album = LibraryAlbum.of(service, "One", 2);
        String id = album.imageIds().get(0);
        String run = executionId(id);
        openAlbum(2);
        browser.find("#gallery .photo-card[data-image-id='" + id + "'] button.open").click();
        browser.await("#photo-detail .photo-tools");
        assertThat(browser.find("#photo-detail .photo-status").getText()).isEqualTo("Processed");

        browser.find("#photo-detail button.reprocess-photo").click();

        browser.until(d -> browser.find("#photo-detail .tool-message").getText().equals("Reprocessed."));
        assertThat(browser.find("#photo-detail .photo-status").getText()).isEqualTo("Processed");
        assertThat(executionId(id)).isNotEqualTo(run);
        assertThat(browser.find("#photo-detail [data-step='make-thumbnail']").getAttribute("data-state"))
                .isEqualTo("SUCCEEDED");
        assertThat(browser.accessibilityProblems()).isEmpty();

        // as if a run held the photo right now: the only way to hold it there for as long as the test needs
        setStatus(id, "RUNNING");
        try {
            browser.find("#photo-detail button.reprocess-photo").click();
            browser.until(d -> browser.find("#photo-detail .tool-message").getText()
                    .equals("This photo is being processed right now; reprocess it once it is done"));
            assertThat(browser.find("#photo-detail .tool-message").getAttribute("class")).contains("cause");
        } finally {
            setStatus(id, "SUCCEEDED");
        }
    }

    private void showEightPhotos(String name) {
        album = LibraryAlbum.of(service, name, 8);
        ids = album.imageIds();
        runs = ids.stream().collect(Collectors.toMap(id -> id, this::executionId));
        openAlbum(8);
    }

    private void openAlbum(int photos) {
        browser.logIn(service.web(), album.user);
        browser.driver.get(album.page());
        browser.until(d -> d.findElements(By.cssSelector("#gallery .photo-card[data-status='SUCCEEDED']")).size()
                == photos);
    }

    private long storedJobs() {
        return (Long) browser.driver.executeScript(
                "return Object.keys(localStorage).filter((k) => k.startsWith('imageproc.job.')).length");
    }

    private long cardsDrawn() {
        return ((Number) browser.driver.executeScript("return window.imageprocStats.cardsDrawn")).longValue();
    }

    private void setStatus(String id, String status) {
        service.dynamoDb().updateItem(r -> r.tableName("ImageMetadata")
                .key(Map.of("imageID", AttributeValue.fromS(id)))
                .updateExpression("SET #s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status))));
    }

    private String executionId(String id) {
        return album.item(id).get("executionId").s();
    }
}
