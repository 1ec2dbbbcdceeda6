package org.kepu.shared;

/** The signed-in caller as every module sees it. */
public record CurrentUser(long id, String username, String displayName, Role role, Scope scope) {

    public boolean is(Role r) {
        return role == r;
    }

    public boolean canWrite() {
        return !role.readOnly() && !role.platformAdmin();
    }
}
