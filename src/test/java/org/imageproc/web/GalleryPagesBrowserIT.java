package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.imageproc.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A 121-photo album in the web app: the gallery holds one page (50) until the person scrolls, then loads the next
 * pages, each once, to every photo; "Load more" does it from the keyboard; previous/next in the photo view and a
 * link to a photo go past the loaded pages; sorting by date taken, or filtering by a tag, loads the rest first. No
 * horizontal overflow and
 * no serious accessibility problem at 390, 1280 and 1440 px.
 */
class GalleryPagesBrowserIT {

    private static final int PHOTOS = 121;
    private static final int PAGE = 50;

    @RegisterExtension
    static final BrowserSession SESSION = BrowserSession.withSharedService();

    private static LibraryAlbum album;
    private static List<String> ids;

    private final Browser browser = SESSION.browser();
    private final TestService service = SESSION.service();

    @BeforeAll
    static void anAlbumOfMoreThanTwoPages() {
        album = LibraryAlbum.of(SESSION.service(), "Many", PHOTOS);
        ids = album.imageIds();
        assertThat(ids).hasSize(PHOTOS).doesNotHaveDuplicates();
    }

    @Test
    void theGalleryLoadsAPageAtATimeAsItIsScrolledToTheEnd() {
        browser.logIn(service.web(), album.user);
        browser.width(1280);
        browser.networkEvents();
        browser.driver.get(album.page());

        browser.await("#gallery-more");
        assertThat(cards()).containsExactlyElementsOf(ids.subList(0, PAGE));
        assertThat(pageRequests()).as("requests for pages of photos before scrolling").isEqualTo(1);

        browser.until(d -> {
            browser.driver.executeScript("document.querySelector('#gallery-more').scrollIntoView()");
            return cards().size() == PHOTOS;
        });

        assertThat(cards()).containsExactlyElementsOf(ids);
        assertThat(pageRequests()).as("requests for pages of photos after scrolling").isEqualTo(2);
        assertThat(browser.find("#gallery-more").isDisplayed()).isFalse();
        for (int width : new int[] {390, 1280, 1440}) {
            browser.width(width);
            assertThat(browser.horizontalOverflow()).as("horizontal overflow at %d px", width).isZero();
            assertThat(browser.accessibilityProblems()).as("album at %d px", width).isEmpty();
            browser.driver.executeScript("window.scrollTo(0, 0)");
            browser.screenshot(browser.find("#album-view .view-head"), "album-tools-" + width + ".png");
        }
        browser.width(1280);
    }

    @Test
    void loadMoreAnswersTheKeyboardAndThePhotoViewGoesPastTheLoadedPages() {
        browser.logIn(service.web(), album.user);
        browser.driver.get(album.page());
        WebElement more = browser.await("#gallery-more");
        assertThat(more.getText()).isEqualTo("Load more photos");
        browser.driver.executeScript("arguments[0].focus({ preventScroll: true })", more);
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        browser.until(d -> cards().size() >= 2 * PAGE);
        assertThat(cards()).startsWith(ids.subList(0, 2 * PAGE).toArray(String[]::new));

        // a link to the last photo of the first page: Next loads the next page
        browser.driver.navigate().refresh();
        browser.driver.get(photoPage(ids.get(PAGE - 1)));
        browser.until(d -> browser.find("#photo-dialog-title").getText().equals(album.fileNameOf(ids.get(PAGE - 1))));
        assertThat(browser.find("#photo-position").getText()).isEqualTo(PAGE + " of " + PAGE + "+");
        browser.find("#photo-next").click();
        browser.until(d -> browser.find("#photo-dialog-title").getText().equals(album.fileNameOf(ids.get(PAGE))));
        assertThat(browser.find("#photo-position").getText()).isEqualTo((PAGE + 1) + " of " + 2 * PAGE + "+");
        browser.find("#photo-prev").click();
        browser.until(d -> browser.find("#photo-dialog-title").getText().equals(album.fileNameOf(ids.get(PAGE - 1))));

        // a link to a photo on the last page: the pages before it load first
        browser.driver.navigate().refresh();
        browser.driver.get(photoPage(ids.get(PHOTOS - 1)));
        browser.until(d -> browser.find("#photo-dialog-title").getText()
                .equals(album.fileNameOf(ids.get(PHOTOS - 1))));
        assertThat(browser.find("#photo-position").getText()).isEqualTo(PHOTOS + " of " + PHOTOS);
        assertThat(browser.find("#photo-next").isEnabled()).isFalse();
    }

    @Test
    void sortingByDateTakenLoadsEveryPageFirstAndSaysSo() {
        browser.logIn(service.web(), album.user);
        browser.driver.get(album.page());
        browser.await("#gallery-more");
        browser.recordTexts("#gallery-loading");

        new Select(browser.find("#sort")).selectByValue("taken");

        List<String> newestTakenFirst = IntStream.range(0, PHOTOS).mapToObj(i -> LibraryAlbum.fileName(PHOTOS - 1 - i))
                .toList();
        browser.until(d -> names().equals(newestTakenFirst));
        assertThat(browser.recordedTexts()).first().asString()
                .startsWith("Loading the rest of the album to sort it by date taken… (50 photos so far)");
        assertThat(browser.find("#gallery-loading").getText()).isEmpty();
        assertThat(browser.find("#gallery-more").isDisplayed()).isFalse();
        new Select(browser.find("#sort")).selectByValue("uploaded");
    }

    @Test
    void aTagFilterLoadsEveryPageSoItShowsEveryPhotoWithTheTag() {
        browser.logIn(service.web(), album.user);
        browser.driver.get(album.page());
        browser.await("#gallery-more");
        assertThat(cards()).hasSize(PAGE);

        WebElement tag = browser.find("#gallery .photo-card button.tag");
        String name = tag.getText();
        tag.click();

        // every photo of the album has the test detector's labels
        browser.until(d -> cards().size() == PHOTOS);
        assertThat(browser.find("#tag-filter-name").getText()).isEqualTo(name);
        assertThat(cards()).containsExactlyElementsOf(ids);
        assertThat(browser.find("#gallery-more").isDisplayed()).isFalse();
        browser.find("#tag-filter-clear").click();
        browser.until(d -> !browser.find("#tag-filter").isDisplayed());
        assertThat(cards()).containsExactlyElementsOf(ids);
    }

    private String photoPage(String imageId) {
        return album.page() + "/photo/" + imageId;
    }

    @SuppressWarnings("unchecked")
    private List<String> cards() {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll('#gallery .photo-card')].map((c) => c.dataset.imageId)");
    }

    @SuppressWarnings("unchecked")
    private List<String> names() {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll('#gallery .file-name')].map((n) => n.textContent)");
    }

    /** The requests for pages of the album's photos since the last call. */
    private int pageRequests() {
        return WebAppScaleBrowserIT.Requests.of(browser.networkEvents(), 0).galleryLists();
    }
}
