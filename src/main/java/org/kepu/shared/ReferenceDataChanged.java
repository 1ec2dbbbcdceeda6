package org.kepu.shared;

/**
 * Published when data that pages offer as choices changed: divisions, member units, dictionaries. Caches of such
 * choices (e.g. the activity pages' option lists) drop their entries when it arrives after the commit.
 *
 * @param what which kind of data changed, e.g. "division", "unit", "dictionary"
 */
public record ReferenceDataChanged(String what) {
}
