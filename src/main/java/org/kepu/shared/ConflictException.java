package org.kepu.shared;

/** The record changed since the caller loaded it, or the request clashes with existing data (HTTP 409). */
public class ConflictException extends KepuException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
