package org.kepu.activity.ledger;

/** The file as a whole cannot be imported (wrong type, zip bomb, no header, too many rows…). */
class LedgerFileException extends RuntimeException {

    private final transient Object[] args;

    LedgerFileException(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
    }

    String messageKey() {
        return getMessage();
    }

    Object[] args() {
        return args.clone();
    }
}
