package org.imageproc.catalog;

/** A cursor that this list did not hand out: forged, damaged, or one of another list or user. */
public class BadCursorException extends IllegalArgumentException {

    BadCursorException() {
        super("This page link (cursor) does not belong to this list; load the list again from its first page");
    }
}
