package org.kepu.organization.internal;

/** Another name of a member unit as plan documents write it. */
public record AliasView(long id, String alias) {
}
