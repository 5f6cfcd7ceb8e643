package org.imageproc.local;

/** An object a PutObject, form POST, CompleteMultipartUpload or CopyObject has just written; eTag without quotes. */
record CreatedObject(String bucket, String key, long size, String eTag, String eventName) {

    static final String PUT = "ObjectCreated:Put";
    static final String POST = "ObjectCreated:Post";
    static final String COMPLETE_MULTIPART_UPLOAD = "ObjectCreated:CompleteMultipartUpload";
    static final String COPY = "ObjectCreated:Copy";

    CreatedObject {
        eTag = eTag == null ? "" : eTag.replace("\"", "");
    }
}
