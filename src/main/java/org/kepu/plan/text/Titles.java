package org.kepu.plan.text;

/** An item's short heading: a heading line as it stands, otherwise the first sentence (cut at its first comma if long). */
final class Titles {

    static final int MAX_HEADING_LINE = 60;
    static final int MAX_SENTENCE = 50;

    private Titles() {
    }

    static String of(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        int end = indexOfAny(first, "。！？；!?;", 0);
        String sentence;
        if (end < 0 && first.length() <= MAX_HEADING_LINE) {
            sentence = first;
        } else {
            sentence = end < 0 ? first : first.substring(0, end);
            if (sentence.length() > MAX_SENTENCE) {
                int comma = indexOfAny(sentence, "，,：:", 2);
                sentence = comma > 0 && comma <= MAX_SENTENCE ? sentence.substring(0, comma)
                        : sentence.substring(0, MAX_SENTENCE) + "…";
            }
        }
        String t = TextLines.trim(sentence);
        while (!t.isEmpty() && "：:，,、".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = TextLines.trim(t.substring(0, t.length() - 1));
        }
        return t;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
