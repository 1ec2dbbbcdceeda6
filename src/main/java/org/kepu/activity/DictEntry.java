package org.kepu.activity;

/** One entry of a managed dictionary (activity theme or format): a stable code and the label users see. */
public record DictEntry(long id, String dict, String code, String label, int sortOrder, boolean active) {
}
