package org.kepu.shared;

/** A record that does not exist or lies outside the caller's scope (HTTP 404). */
public class NotFoundException extends KepuException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
