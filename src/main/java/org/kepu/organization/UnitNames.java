package org.kepu.organization;

import java.text.Normalizer;

/**
 * How written unit names are compared: {@link #key(String)} folds full-width and half-width forms together (NFKC:
 * （ → (, ０ → 0, Ａ → a), removes every kind of space (including the ideographic space and zero-width marks) and
 * lower-cases Latin letters. Two names with the same key are taken as the same written name.
 */
public final class UnitNames {

    private UnitNames() {
    }

    /** The comparison key of {@code name}; empty for null or blank. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().forEach(c -> {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != 0x200B && c != 0x200C
                    && c != 0x200D && c != 0xFEFF) {
                out.appendCodePoint(Character.toLowerCase(c));
            }
        });
        return out.toString();
    }

    /** The key without a leading 县 (县林业局 and 林业局 are compared both ways), or null when there is none. */
    static String withoutCountyPrefix(String key) {
        return key.length() > 2 && key.startsWith("县") ? key.substring(1) : null;
    }
}
