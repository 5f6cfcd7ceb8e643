package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Search by content in the browser: the header's box suggests the user's labels, a parent label (Animal) finds the
 * photos under it and a child (Dog) only its own, a page at a time as the user scrolls; a result opens in its album's
 * photo view and Back returns to the results; an empty result suggests labels, a bad one is explained, and another
 * user's photos never show.
 */
class SearchBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** More than the app's page of results (24), so the last ones come when the user scrolls. */
    private static final int DOGS = 26;

    @RegisterExtension
    static final BrowserSession SESSION = BrowserSession.withSharedService();

    private final Browser browser = SESSION.browser();
    private final TestService service = SESSION.service();
    private final Api api = new Api(service.web());
    private final String user = "finder-" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void photosAreFoundByWhatIsInThemAcrossAlbums() {
        api.createAlbum(user, "pets");
        api.createAlbum(user, "garden");
        List<String> ids = new ArrayList<>();
        List<String> dogs = IntStream.range(0, DOGS).mapToObj(i -> String.format("dog%02d.jpg", i)).toList();
        dogs.forEach(name -> ids.add(api.uploadJpeg(user, "pets", name, TestImages.jpeg(70 + dogs.indexOf(name), 50))));
        String cat = upload("pets", "cat.jpg", "Cat", "Animal");
        ids.add(cat);
        ids.add(upload("garden", "tree.jpg", "Tree"));
        String stranger = "other-" + user;
        api.createAlbum(stranger, "pets");
        String strangers = api.uploadJpeg(stranger, "pets", "strangers-dog.jpg", TestImages.jpeg(60, 40));
        ids.forEach(id -> assertThat(api.awaitFinal(id, user, WAIT).path("item").path("status").asText())
                .isEqualTo("SUCCEEDED"));
        api.awaitFinal(strangers, stranger, WAIT);

        browser.logIn(service.web(), user);
        browser.until(d -> options().size() == 5);
        assertThat(options()).containsExactlyInAnyOrder("Dog", "Animal", "Pet", "Cat", "Tree");
        assertThat(browser.find("label[for='search-input']").getText()).isEqualTo("Search photos");

        search("Dog");
        assertThat(fileNames()).containsExactlyInAnyOrderElementsOf(dogs);
        assertThat(browser.find("#search-status").getText()).isEqualTo(DOGS + " photos");

        search("Animal");
        assertThat(fileNames()).containsExactlyInAnyOrderElementsOf(Stream.concat(dogs.stream(),
                Stream.of("cat.jpg")).toList());
        WebElement catCard = card(cat);
        assertThat(catCard.findElement(By.cssSelector(".album-name")).getText()).isEqualTo("in pets");
        assertThat(catCard.findElement(By.cssSelector(".album-name a")).getAttribute("href")).endsWith("#/album/pets");
        assertThat(catCard.findElement(By.cssSelector("a.open")).getAttribute("aria-label")).isEqualTo("cat.jpg");
        assertThat(catCard.findElement(By.cssSelector("img.thumb")).getAttribute("alt"))
                .isEqualTo("Photo showing Cat, Animal");
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            assertThat(browser.accessibilityProblems()).as("at %d px", width).isEmpty();
            assertThat(browser.horizontalOverflow()).as("at %d px", width).isZero();
            browser.screenshot(browser.find("body"), "search-" + width + ".png");
        }

        // a result opens in its album's photo view; Back returns to the results
        card(cat).findElement(By.cssSelector("a.open")).click();
        browser.until(d -> d.getCurrentUrl().endsWith("#/album/pets/photo/" + cat));
        browser.until(d -> browser.find("#photo-dialog-title").getText().equals("cat.jpg"));
        browser.driver.navigate().back();
        browser.until(d -> d.getCurrentUrl().endsWith("#/search/Animal"));
        browser.until(d -> !browser.find("#photo-dialog").isDisplayed());
        browser.await("#search-results .photo-card[data-image-id='" + cat + "']");

        // nothing found: said so, with the user's labels to try instead
        search("Car");
        WebElement empty = browser.await("#search-empty");
        assertThat(empty.findElement(By.cssSelector("#search-empty-text")).getText())
                .isEqualTo("No photos with “Car”. Try one of your labels:");
        assertThat(empty.findElements(By.cssSelector("#search-suggestions a"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("Dog", "Animal", "Pet", "Cat", "Tree");
        empty.findElement(By.linkText("Tree")).click();
        browser.until(d -> d.getCurrentUrl().endsWith("#/search/Tree") && fileNames().equals(List.of("tree.jpg")));
        assertThat(browser.find("#search-results .album-name").getText()).isEqualTo("in garden");

        // a label the API refuses is explained
        search("<b>");
        assertThat(browser.await("#search-message").getText()).startsWith("A label is 1-64 letters");
        assertThat(browser.driver.findElements(By.cssSelector("#search-results .photo-card"))).isEmpty();

        // the stranger finds only their own dog
        browser.logIn(service.web(), stranger);
        search("Dog");
        assertThat(fileNames()).containsExactly("strangers-dog.jpg");
    }

    /** Uploads a JPEG the stand-in Rekognition answers with these labels (no parents); its id. */
    private String upload(String album, String fileName, String... labels) {
        Api.Reply ticket = api.post("api/albums/" + user + "/" + album + "/uploads", user,
                Map.of("fileName", fileName, "contentType", "image/jpeg"));
        String imageId = ticket.json().path("imageID").asText();
        service.rekognition().answer(imageId, labels);
        assertThat(Api.upload(ticket.json(), TestImages.jpeg(90, 60)).status()).isEqualTo(204);
        return imageId;
    }

    /** Searches from the header's box and scrolls through every page of results. */
    private void search(String label) {
        browser.type("#search-input", label);
        browser.find("#search-input").sendKeys(Keys.ENTER);
        browser.until(d -> browser.find("#search-label").getText().equals(label)
                && !browser.find("#search-status").getText().equals("Searching…"));
        // the next page loads when "Load more" scrolls into view
        browser.until(d -> {
            WebElement more = browser.find("#search-more");
            if (!more.isDisplayed()) {
                return true;
            }
            browser.driver.executeScript("arguments[0].scrollIntoView()", more);
            return false;
        });
    }

    private List<String> fileNames() {
        return browser.driver.findElements(By.cssSelector("#search-results .file-name")).stream()
                .map(WebElement::getText).toList();
    }

    private WebElement card(String imageId) {
        return browser.find("#search-results .photo-card[data-image-id='" + imageId + "']");
    }

    private List<String> options() {
        return browser.driver.findElements(By.cssSelector("#label-suggestions option")).stream()
                .map(option -> option.getAttribute("value")).toList();
    }
}
