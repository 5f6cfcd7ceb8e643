package org.imageproc.album;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.imageproc.catalog.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Reads and creates albums in the AlbumMetadata table; {@code creationTime} is epoch milliseconds. */
public class AlbumCatalog {

    /**
     * Claim items' keys start with this: a user name has no ':', so no album's key does, and claims have no userID,
     * so the user index never lists them.
     */
    private static final String CLAIM_PREFIX = "name:";
    private static final String CLAIMED_BY = "claimedBy";
    private static final String CLAIMED_AT = "claimedAt";
    private static final Duration ABANDONED_CLAIM = Duration.ofMinutes(1);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public AlbumCatalog(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** The user's albums, newest first. */
    public List<Album> list(String userId) {
        return Tables.newestFirst(dynamoDb, table, Tables.USER_INDEX, "userID", userId)
                .map(AlbumCatalog::album).toList();
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
        list(userId).stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst().ifPresent(existing -> {
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
     * Writes the name's claim; a claim whose album does not exist a minute after it was written (its creator stopped
     * between the two writes) is taken over. Younger, its creator may be about to write the album.
     */
    private void claim(Album album) {
        String key = CLAIM_PREFIX + album.userID() + "/" + album.name().toLowerCase(Locale.ROOT);
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
