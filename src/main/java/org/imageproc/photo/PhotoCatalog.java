package org.imageproc.photo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.imageproc.catalog.Page;
import org.imageproc.catalog.PageRequest;
import org.imageproc.catalog.Pages;
import org.imageproc.catalog.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads photos for the web app: an album's items newest first, a user's failed ones newest failure first, or chosen
 * items, with links to their images.
 */
public class PhotoCatalog {

    /** The status of an upload whose processing has not started yet. */
    public static final String UPLOADED = "UPLOADED";

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final String table;
    private final String bucket;
    private final String incomingPrefix;
    private final PhotoLinks links;
    private final Pages byAlbum;
    private final Pages failedByUser;

    public PhotoCatalog(DynamoDbClient dynamoDb, S3Client s3, String table, String bucket, String incomingPrefix,
            PhotoLinks links) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.table = table;
        this.bucket = bucket;
        this.incomingPrefix = incomingPrefix;
        this.links = links;
        this.byAlbum = new Pages(dynamoDb, table, Tables.ALBUM_INDEX,
                Set.of(Tables.IMAGE_ID, "albumID", "uploadTime"), "albumID");
        this.failedByUser = new Pages(dynamoDb, table, Tables.FAILED_INDEX,
                Set.of(Tables.IMAGE_ID, "userID", "failedAt"), "userID");
    }

    /** One page of the album's photos, newest upload first. */
    public Page<Photo> album(String albumId, PageRequest request) {
        return byAlbum.newestFirst("photos", albumId, request).map(this::photo);
    }

    /** One page of the user's photos whose processing FAILED, the latest failure first. */
    public Page<FailedPhoto> failures(String userId, PageRequest request) {
        return failedByUser.newestFirst("failures", userId, request).map(FailedPhoto::of);
    }

    /** The photos of those ids that have an item, by id, as they are now; at most 100 ids. */
    public Map<String, Photo> photos(List<String> imageIds) {
        Map<String, Photo> found = new LinkedHashMap<>();
        if (imageIds.isEmpty()) {
            return found;
        }
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                .keys(imageIds.stream().distinct().map(id -> Map.of(Tables.IMAGE_ID, AttributeValue.fromS(id)))
                        .toList()).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> unread = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(unread));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.unprocessedKeys();
        }
        items.forEach(item -> found.put(item.get(Tables.IMAGE_ID).s(), photo(item)));
        return found;
    }

    Stream<Map<String, AttributeValue>> albumItems(String albumId) {
        return Tables.newestFirst(dynamoDb, table, Tables.ALBUM_INDEX, "albumID", albumId);
    }

    /** Whether the upload's object is in the bucket. */
    boolean arrived(String imageId) {
        return upload(imageId).isPresent();
    }

    String thumbnailUrl(Map<String, AttributeValue> item) {
        return item.containsKey("thumbnail") ? links.thumbnail(item.get(Tables.IMAGE_ID).s()) : null;
    }

    /** Who owns the photo: from its item, else from its upload's metadata; empty when neither exists. */
    public Optional<PhotoOwner> owner(String imageId) {
        Map<String, AttributeValue> item = item(imageId);
        if (item.containsKey("userID")) {
            return Optional.of(new PhotoOwner(item.get("userID").s(),
                    item.containsKey("albumID") ? item.get("albumID").s() : null));
        }
        return upload(imageId).map(head -> new PhotoOwner(head.metadata().get("userid"), head.metadata().get("albumid")));
    }

    /** The photo as stored; an upload not yet picked up for processing shows as {@link #UPLOADED}. */
    public Photo find(String imageId) {
        Map<String, AttributeValue> item = item(imageId);
        if (item.isEmpty()) {
            return new Photo(imageId, Map.of(Tables.IMAGE_ID, imageId, "status", UPLOADED), null, null, null);
        }
        return photo(item);
    }

    private Photo photo(Map<String, AttributeValue> item) {
        String imageId = item.get(Tables.IMAGE_ID).s();
        String fileName = item.containsKey("fileName") ? item.get("fileName").s() : null;
        return new Photo(imageId, ItemValues.plain(item), links.original(imageId), thumbnailUrl(item),
                links.download(imageId, fileName));
    }

    Map<String, AttributeValue> item(String imageId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.IMAGE_ID, AttributeValue.fromS(imageId)))).item();
        return item == null ? Map.of() : item;
    }

    private Optional<HeadObjectResponse> upload(String imageId) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(incomingPrefix + imageId)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
