package org.imageproc.photo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.imageproc.catalog.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads photos for the web app: an album's items newest first, or one item, with links to its images. */
public class PhotoCatalog {

    /** The status of an upload whose processing has not started yet. */
    public static final String UPLOADED = "UPLOADED";

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final String table;
    private final String bucket;
    private final String incomingPrefix;
    private final PhotoLinks links;

    public PhotoCatalog(DynamoDbClient dynamoDb, S3Client s3, String table, String bucket, String incomingPrefix,
            PhotoLinks links) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.table = table;
        this.bucket = bucket;
        this.incomingPrefix = incomingPrefix;
        this.links = links;
    }

    /** The album's photos, newest upload first. */
    public List<Photo> album(String albumId) {
        return albumItems(albumId).map(this::photo).toList();
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
