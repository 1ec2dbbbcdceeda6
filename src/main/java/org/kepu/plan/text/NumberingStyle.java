package org.kepu.plan.text;

/** The numbering styles of Chinese official documents, outermost first (一、 → （一） → 1． → （1） → ①). */
public enum NumberingStyle {
    /** 一、 二、 … */
    CHINESE_COMMA,
    /** （一） （二） … */
    CHINESE_PAREN,
    /** 1． 1. 1、 … */
    ARABIC_DOT,
    /** （1） (1) … */
    ARABIC_PAREN,
    /** ① ② … */
    CIRCLED,
    /** A paragraph the parser could not number (kept so nothing is lost). */
    NONE
}
