package org.kepu.activity;

import java.time.OffsetDateTime;

/** A file attached to an activity as evidence. */
public record ActivityEvidence(long id, long activityId, String sha256, EvidenceKind kind, String originalName,
        String contentType, long size, Integer width, Integer height, OffsetDateTime uploadedAt) {

    public boolean image() {
        return contentType != null && contentType.startsWith("image/");
    }
}
