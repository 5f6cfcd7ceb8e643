package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.imageproc.TestService;
import org.imageproc.testing.ExifBuilder;
import org.imageproc.testing.TestImages;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A fresh demo user's album filled through the API as the browser fills it (a ticket, then a POST to S3), each photo
 * processed by the real flow; for browser tests that need photos and not the file picker.
 */
final class LibraryAlbum {

    private static final Duration PROCESSED = Duration.ofMinutes(2);
    /** Uploads at once: enough to keep the flow busy on two cores. */
    private static final int SENDERS = 4;

    final TestService service;
    final Api api;
    final String user = "u" + UUID.randomUUID().toString().substring(0, 8);
    final String name;

    private LibraryAlbum(TestService service, String name) {
        this.service = service;
        this.api = new Api(service.web());
        this.name = name;
    }

    /**
     * A new album of {@code count} distinct small JPEGs named {@code photo-000.jpg} on, each taken a day after the one
     * before, uploaded a few at a time (so their upload order is not their numbers': read it from {@link #imageIds})
     * and all processed.
     */
    static LibraryAlbum of(TestService service, String name, int count) {
        LibraryAlbum album = new LibraryAlbum(service, name);
        Api.Reply created = album.api.createAlbum(album.user, name);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        album.fill(count);
        return album;
    }

    private void fill(int count) {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<String>> uploads = IntStream.range(0, count).mapToObj(i -> senders.submit(() ->
                    api.uploadJpeg(user, name, fileName(i), photo(i)))).toList();
            for (Future<String> upload : uploads) {
                upload.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            senders.shutdown();
        }
        Awaitility.await().atMost(PROCESSED).pollInterval(Duration.ofMillis(500)).until(() ->
                api.get(path() + "/summary", user).json().path("done").asInt() == count);
    }

    static String fileName(int i) {
        return String.format("photo-%03d.jpg", i);
    }

    private static byte[] photo(int i) {
        String taken = LocalDate.of(2020, 1, 1).plusDays(i).toString().replace('-', ':') + " 10:00:00";
        return new ExifBuilder().dateTimeOriginal(taken).writeInto(TestImages.jpeg(TestImages.gradient(96 + i, 64)));
    }

    /** The album's API path. */
    String path() {
        return "api/albums/" + user + "/" + name;
    }

    /** Where the app shows the album. */
    String page() {
        return service.web() + "#/album/" + name;
    }

    /** The album's photos as the API lists them, newest upload first: their ids. */
    List<String> imageIds() {
        return api.all(path() + "/photos", user, 100).stream().map(p -> p.path("imageID").asText()).toList();
    }

    /** The image's file name as the app shows it. */
    String fileNameOf(String imageId) {
        return service.item(imageId).get("fileName").s();
    }

    Map<String, AttributeValue> item(String imageId) {
        return service.item(imageId);
    }
}
