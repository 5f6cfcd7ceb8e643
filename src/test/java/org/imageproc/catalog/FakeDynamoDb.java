package org.imageproc.catalog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Stands for DynamoDB in tests of the catalog's writes: every PutItem and UpdateItem kept (a put always goes through);
 * told to, it refuses the next update as a failed condition, as DynamoDB does when another run owns the item. The
 * aws2-ddb endpoint picks it up from the registry as its client.
 */
final class FakeDynamoDb implements DynamoDbClient {

    private final List<UpdateItemRequest> updates = new CopyOnWriteArrayList<>();
    private final List<PutItemRequest> puts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refuseNext = new AtomicBoolean();

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        updates.add(request);
        if (refuseNext.getAndSet(false)) {
            throw ConditionalCheckFailedException.builder().statusCode(400)
                    .message("The conditional request failed").build();
        }
        return UpdateItemResponse.builder().build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        puts.add(request);
        return PutItemResponse.builder().build();
    }

    List<PutItemRequest> puts() {
        return List.copyOf(puts);
    }

    List<UpdateItemRequest> updates() {
        return List.copyOf(updates);
    }

    void refuseNext() {
        refuseNext.set(true);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
