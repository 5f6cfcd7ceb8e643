package org.imageproc.album;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.imageproc.catalog.Page;
import org.imageproc.catalog.PageRequest;
import org.imageproc.catalog.Pages;
import org.imageproc.catalog.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Reads, creates and deletes albums in the AlbumMetadata table; {@code creationTime} is epoch milliseconds. */
public class AlbumCatalog {

    /**
     * Claim items' keys start with this: a user name has no ':', so no album's key does, and claims have no userID,
     * so the user index never lists them.
     */
    private static final String CLAIM_PREFIX = "name:";
    private static final String CLAIMED_BY = "claimedBy";
    private static final String CLAIMED_AT = "claimedAt";
    private static final Duration ABANDONED_CLAIM = Duration.ofMinutes(1);
    /**
     * A deleted album's mark: keyed like a claim (no ':' in an album's key, no userID), it stays, so that an upload
     * made for the album before it went, and processed after, goes with it.
     */
    private static final String DELETED_PREFIX = "deleted:";
    /** S3 gives an upload's time in whole seconds, and its clock is not ours: an album this much younger is as old. */
    private static final Duration UPLOAD_TIME_SLACK = Duration.ofSeconds(2);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final Pages byUser;

    public AlbumCatalog(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.byUser = new Pages(dynamoDb, table, Tables.USER_INDEX,
                Set.of(Tables.ALBUM_ID, "userID", "creationTime"), "userID");
    }

    /** One page of the user's albums, newest first. */
    public Page<Album> list(String userId, PageRequest request) {
        return byUser.newestFirst("albums", userId, request).map(AlbumCatalog::album);
    }

    public Optional<Album> find(String albumId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.ALBUM_ID, AttributeValue.fromS(albumId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(album(item));
    }

    /**
     * Creates the album, refusing a name the user already has in any case ("holiday" when "Holiday" exists). Two
     * requests racing for names equal but for case both write one claim item, keyed by the lower-case name,
     * conditionally: exactly one wins (dynalite has no transactions, so the claim comes first and the album second).
     */
    public Album create(String userId, String name) {
        Album album = new Album(userId + "/" + name, userId, name, clock.millis());
        // albums from before the claims existed have none: their names are checked by reading the user's albums
        Tables.newestFirst(dynamoDb, table, Tables.USER_INDEX, "userID", userId).map(AlbumCatalog::album)
                .filter(a -> a.name().equalsIgnoreCase(name)).findFirst().ifPresent(existing -> {
            throw new AlbumExistsException(existing.albumID());
        });
        claim(album);
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            Tables.ALBUM_ID, AttributeValue.fromS(album.albumID()),
                            "userID", AttributeValue.fromS(userId),
                            "name", AttributeValue.fromS(name),
                            "creationTime", AttributeValue.fromN(Long.toString(album.creationTime()))))
                    .conditionExpression("attribute_not_exists(" + Tables.ALBUM_ID + ")"));
        } catch (ConditionalCheckFailedException e) {
            throw new AlbumExistsException(album.albumID());
        }
        return album;
    }

    /**
     * Removes the album's own item and its name's claim (its photos are removed before, one by one), after marking
     * it deleted for {@link #deletedBefore}.
     */
    public void delete(String albumId) {
        find(albumId).ifPresent(album -> {
            dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
                    Tables.ALBUM_ID, AttributeValue.fromS(DELETED_PREFIX + albumId),
                    "creationTime", AttributeValue.fromN(Long.toString(album.creationTime())),
                    "deletedAt", AttributeValue.fromN(Long.toString(clock.millis())))));
            try {
                dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of(Tables.ALBUM_ID,
                                AttributeValue.fromS(claimKey(album))))
                        .conditionExpression("#by = :owner")
                        .expressionAttributeNames(Map.of("#by", CLAIMED_BY))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(albumId))));
            } catch (ConditionalCheckFailedException e) {
                // no claim (an album from before claims), or one another album of that name holds
            }
        });
        dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of(Tables.ALBUM_ID, AttributeValue.fromS(albumId))));
    }

    /**
     * Whether an upload for the album, stored at {@code uploadedAt} (null when unknown), was made for an album that
     * has been deleted since: the album is gone, or is a newer album of the same name, and a deletion is on record.
     * An album that never existed (an upload from outside the web app naming one) is not deleted.
     */
    public boolean deletedBefore(String albumId, Instant uploadedAt) {
        Optional<Album> album = find(albumId);
        if (album.isPresent() && (uploadedAt == null
                || album.get().creationTime() <= uploadedAt.plus(UPLOAD_TIME_SLACK).toEpochMilli())) {
            return false;
        }
        Map<String, AttributeValue> mark = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.ALBUM_ID, AttributeValue.fromS(DELETED_PREFIX + albumId)))).item();
        return mark != null && !mark.isEmpty();
    }

    private static String claimKey(Album album) {
        return CLAIM_PREFIX + album.userID() + "/" + album.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Writes the name's claim; a claim whose album does not exist a minute after it was written (its creator stopped
     * between the two writes) is taken over. Younger, its creator may be about to write the album.
     */
    private void claim(Album album) {
        String key = claimKey(album);
        Map<String, AttributeValue> claim = Map.of(Tables.ALBUM_ID, AttributeValue.fromS(key),
                CLAIMED_BY, AttributeValue.fromS(album.albumID()),
                CLAIMED_AT, AttributeValue.fromN(Long.toString(album.creationTime())));
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(claim)
                    .conditionExpression("attribute_not_exists(" + Tables.ALBUM_ID + ")"));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> current = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(Map.of(Tables.ALBUM_ID, AttributeValue.fromS(key)))).item();
            String owner = current == null || !current.containsKey(CLAIMED_BY) ? null : current.get(CLAIMED_BY).s();
            long claimedAt = current == null || !current.containsKey(CLAIMED_AT) ? Long.MAX_VALUE
                    : Long.parseLong(current.get(CLAIMED_AT).n());
            if (owner == null || clock.millis() - claimedAt < ABANDONED_CLAIM.toMillis() || find(owner).isPresent()) {
                throw new AlbumExistsException(owner == null ? album.albumID() : owner);
            }
            try {
                dynamoDb.putItem(r -> r.tableName(table).item(claim).conditionExpression("#by = :owner")
                        .expressionAttributeNames(Map.of("#by", CLAIMED_BY))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner))));
            } catch (ConditionalCheckFailedException raced) {
                throw new AlbumExistsException(album.albumID());
            }
        }
    }

    private static Album album(Map<String, AttributeValue> item) {
        return new Album(item.get(Tables.ALBUM_ID).s(), item.get("userID").s(), item.get("name").s(),
                Long.parseLong(item.get("creationTime").n()));
    }
}
