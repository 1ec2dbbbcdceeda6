package org.kepu.organization.internal;

/** A liaison as the caller may see it: the phone in full or masked (138****1234). */
public record LiaisonView(long id, String name, String post, String phone, String email, int sortOrder,
        int version) {
}
