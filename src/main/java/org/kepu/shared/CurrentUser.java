package org.kepu.shared;

import java.io.Serializable;

/** The signed-in caller as every module sees it. Serializable: it lives in the database-backed session. */
public record CurrentUser(long id, String username, String displayName, Role role, Scope scope) implements Serializable {

    public boolean is(Role r) {
        return role == r;
    }

    public boolean canWrite() {
        return !role.readOnly() && !role.platformAdmin();
    }
}
