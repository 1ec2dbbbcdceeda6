package org.kepu.indicator.internal;

import org.kepu.shared.BadRequestException;

/** A formula that cannot be used: bad syntax, an unknown code, a cycle. The message key is in indicator.properties. */
public class FormulaException extends BadRequestException {

    public FormulaException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
