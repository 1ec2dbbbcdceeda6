package org.kepu.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The complexity rules for passwords: at least {@value #MIN_LENGTH} characters, at least three of the four
 * character classes (upper case, lower case, digit, symbol), and not containing the user name. The rule "not
 * equal to the previous password" needs the stored hash and is checked by {@link PasswordChanges}.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** The message keys of the rules {@code password} breaks; empty when it is acceptable. */
    public static List<String> violations(String username, String password) {
        List<String> errors = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            errors.add("password.tooShort");
            if (password == null) {
                return errors;
            }
        }
        if (password.length() > MAX_LENGTH) {
            errors.add("password.tooLong");
        }
        if (characterClasses(password) < 3) {
            errors.add("password.tooFewClasses");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            errors.add("password.containsUsername");
        }
        return errors;
    }

    static int characterClasses(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!Character.isWhitespace(c) && !Character.isISOControl(c)) {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
