package org.kepu.shared;

/** Input the user must correct (HTTP 400). */
public class BadRequestException extends KepuException {

    public BadRequestException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
