package org.kepu.shared;

/**
 * The five key groups of the national science-literacy action (五大重点人群), plus the two extra target groups
 * an activity ledger uses (社区居民, 其他). Labels come from the message bundle under {@code keyGroup.<NAME>}.
 */
public enum KeyGroup {
    YOUTH,
    FARMER,
    WORKER,
    ELDERLY,
    CADRE,
    COMMUNITY,
    OTHER;

    public boolean fiveKeyGroups() {
        return ordinal() <= CADRE.ordinal();
    }
}
