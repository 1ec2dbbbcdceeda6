package org.kepu.shared;

/** Base of the errors that reach the user; the message is a message-bundle key with arguments. */
public abstract class KepuException extends RuntimeException {

    private final transient Object[] args;

    protected KepuException(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }
}
