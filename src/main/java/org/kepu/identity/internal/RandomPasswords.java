package org.kepu.identity.internal;

import java.security.SecureRandom;

/** Strong random passwords for new accounts and resets; they always satisfy {@link PasswordPolicy}. */
public final class RandomPasswords {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+-=?@";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomPasswords() {
    }

    /** A 16-character password with every character class, unambiguous characters only. */
    public static String generate(String username) {
        while (true) {
            char[] chars = new char[16];
            chars[0] = pick(UPPER);
            chars[1] = pick(LOWER);
            chars[2] = pick(DIGITS);
            chars[3] = pick(SYMBOLS);
            for (int i = 4; i < chars.length; i++) {
                chars[i] = pick(ALL);
            }
            for (int i = chars.length - 1; i > 0; i--) {
                int j = RANDOM.nextInt(i + 1);
                char t = chars[i];
                chars[i] = chars[j];
                chars[j] = t;
            }
            String candidate = new String(chars);
            if (PasswordPolicy.violations(username, candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
