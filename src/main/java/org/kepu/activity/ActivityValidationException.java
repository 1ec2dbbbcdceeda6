package org.kepu.activity;

import java.util.Map;
import org.kepu.shared.BadRequestException;

/** Input that breaks the field rules; {@link #fieldErrors()} maps a field name to a message key. */
public class ActivityValidationException extends BadRequestException {

    private final transient Map<String, String> fieldErrors;

    public ActivityValidationException(Map<String, String> fieldErrors) {
        super("activity.invalid", String.join("、", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
