package org.kepu.shared;

/** The caller may not do this (HTTP 403). */
public class ForbiddenException extends KepuException {

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
