package org.imageproc.photo;

import java.util.Map;
import java.util.function.Consumer;

import org.imageproc.catalog.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Removes one photo: everything stored of it, in the order that keeps a run in flight or an event still queued from
 * bringing any of it back. The original goes first, so no run can read it any more (an event for a gone object
 * writes no item, and a run that read it before finds it gone at its final check and removes what it wrote); then the
 * item, so a run that claimed it can write nothing more; then the thumbnail, which a run checks its ownership after
 * writing and takes back itself once the item is gone. Its search entries go with the item (an entry a run in flight
 * still writes names a run the item no longer has, so searches skip it and take it away).
 */
public class PhotoRemoval {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoRemoval.class);

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String bucket;
    private final String incomingPrefix;
    private final String thumbnailPrefix;
    private final String imageTable;
    private final Consumer<String> forgetLabels;

    /** @param forgetLabels takes away the search entries of an image id */
    public PhotoRemoval(S3Client s3, DynamoDbClient dynamoDb, String bucket, String incomingPrefix,
            String thumbnailPrefix, String imageTable, Consumer<String> forgetLabels) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.bucket = bucket;
        this.incomingPrefix = incomingPrefix;
        this.thumbnailPrefix = thumbnailPrefix;
        this.imageTable = imageTable;
        this.forgetLabels = forgetLabels;
    }

    /** Removes the original, the item and the thumbnail; nothing happens for a part that is gone already. */
    public void remove(String imageId) {
        s3.deleteObject(r -> r.bucket(bucket).key(incomingPrefix + imageId));
        dynamoDb.deleteItem(r -> r.tableName(imageTable)
                .key(Map.of(Tables.IMAGE_ID, AttributeValue.fromS(imageId))));
        forgetLabels.accept(imageId);
        s3.deleteObject(r -> r.bucket(bucket).key(thumbnailPrefix + imageId));
        LOG.info("Removed the photo {}: original, item, search entries and thumbnail", imageId);
    }
}
