package org.imageproc.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.imageproc.web.Api;

/** A demo user of the running service with one album, uploading through the API as the browser does. */
final class LibraryUser {

    static final Duration WAIT = Duration.ofSeconds(60);

    final Api api;
    final String name = "u" + UUID.randomUUID().toString().substring(0, 8);
    final String album = "trip";

    LibraryUser(Api api) {
        this.api = api;
        assertThat(api.createAlbum(name, album).status()).isEqualTo(201);
    }

    String albumPath() {
        return "api/albums/" + name + "/" + album;
    }

    /** Uploads the file through a ticket and waits for its run to end; its image id. */
    String upload(String fileName, String contentType, byte[] bytes) {
        Api.Reply ticket = api.post(albumPath() + "/uploads", name,
                Map.of("fileName", fileName, "contentType", contentType));
        assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
        assertThat(Api.upload(ticket.json(), bytes).status()).isEqualTo(204);
        String id = ticket.json().path("imageID").asText();
        api.awaitFinal(id, name, WAIT);
        return id;
    }

    /** Waits until the job is FINISHED, and returns it. */
    JsonNode awaitFinished(String jobId) {
        Awaitility.await().atMost(WAIT).until(() -> "FINISHED".equals(job(jobId).path("state").asText()));
        return job(jobId);
    }

    JsonNode job(String jobId) {
        Api.Reply reply = api.get("api/jobs/" + jobId, name);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }
}
