package org.imageproc.album;

import java.time.Clock;
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

    /** Creates the album, refusing a name the user already has. */
    public Album create(String userId, String name) {
        Album album = new Album(userId + "/" + name, userId, name, clock.millis());
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

    /** Removes the album's own item (its photos are removed before, one by one). */
    public void delete(String albumId) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of(Tables.ALBUM_ID, AttributeValue.fromS(albumId))));
    }

    private static Album album(Map<String, AttributeValue> item) {
        return new Album(item.get(Tables.ALBUM_ID).s(), item.get("userID").s(), item.get("name").s(),
                Long.parseLong(item.get("creationTime").n()));
    }
}
