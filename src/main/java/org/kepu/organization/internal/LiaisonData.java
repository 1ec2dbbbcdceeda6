package org.kepu.organization.internal;

/** The fields of a liaison; a blank phone on an edit keeps the stored one unless {@code clearPhone}. */
public record LiaisonData(String name, String post, String phone, String email, Integer sortOrder,
        boolean clearPhone) {
}
