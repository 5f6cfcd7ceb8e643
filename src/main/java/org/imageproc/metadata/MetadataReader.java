package org.imageproc.metadata;

/** STUB until the metadata reader lands. */
public final class MetadataReader {
    public ImageMetadata read(byte[] bytes) { throw new UnsupportedOperationException("stub"); }
}
