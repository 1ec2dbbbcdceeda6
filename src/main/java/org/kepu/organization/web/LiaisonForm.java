package org.kepu.organization.web;

import org.kepu.organization.internal.LiaisonData;

/** The liaison form; a blank phone keeps the stored one unless clearPhone is ticked. */
public record LiaisonForm(String name, String post, String phone, String email, Integer sortOrder, Boolean clearPhone,
        Integer version) {

    LiaisonData toData() {
        return new LiaisonData(name, post, phone, email, sortOrder, Boolean.TRUE.equals(clearPhone));
    }
}
