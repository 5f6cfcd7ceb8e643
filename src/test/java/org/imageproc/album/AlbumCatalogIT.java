package org.imageproc.album;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.imageproc.TestService;
import org.imageproc.catalog.PageRequest;
import org.junit.jupiter.api.Test;

/**
 * Which uploads belong to a deleted album, against the local DynamoDB: S3's upload time against the album's creation
 * and the deletion's mark, for an album deleted, made again under its name, and never made.
 */
class AlbumCatalogIT {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");

    private final String user = "u" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anUploadBelongsToTheAlbumThatExistedWhenItWasMade() {
        AlbumCatalog first = catalog(CREATED);
        String albumId = first.create(user, "trip").albumID();
        assertThat(first.deletedBefore(albumId, CREATED.plusSeconds(1))).isFalse();

        first.delete(albumId);
        assertThat(first.deletedBefore(albumId, CREATED.plusSeconds(1))).isTrue();
        assertThat(first.deletedBefore(albumId, null)).isTrue();
        assertThat(first.list(user, PageRequest.first(10)).items()).as("the mark is no album").isEmpty();

        AlbumCatalog again = catalog(CREATED.plus(Duration.ofMinutes(1)));
        assertThat(again.create(user, "trip").albumID()).isEqualTo(albumId);
        assertThat(again.deletedBefore(albumId, CREATED.plusSeconds(10))).as("made for the deleted album").isTrue();
        assertThat(again.deletedBefore(albumId, CREATED.plusSeconds(59))).as("S3's whole seconds").isFalse();
        assertThat(again.deletedBefore(albumId, CREATED.plusSeconds(61))).isFalse();
        assertThat(again.deletedBefore(albumId, null)).isFalse();
    }

    @Test
    void anAlbumThatNeverExistedIsNotDeleted() {
        assertThat(catalog(CREATED).deletedBefore(user + "/never", CREATED)).isFalse();
    }

    private static AlbumCatalog catalog(Instant now) {
        return new AlbumCatalog(TestService.get().dynamoDb(), "AlbumMetadata", Clock.fixed(now, ZoneOffset.UTC));
    }
}
