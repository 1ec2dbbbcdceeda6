package org.kepu.activity.api;

/** Returning a submitted activity: the reason (required) and the version the caller saw. */
public record ReturnRequest(String reason, Integer version) {
}
