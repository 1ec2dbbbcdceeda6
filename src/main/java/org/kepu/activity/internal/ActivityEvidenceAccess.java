package org.kepu.activity.internal;

import org.kepu.activity.ActivityEvidenceService;
import org.kepu.evidence.EvidenceAccessPolicy;
import org.springframework.stereotype.Component;

/** Evidence files may be downloaded by callers who can see an activity that uses them. */
@Component
class ActivityEvidenceAccess implements EvidenceAccessPolicy {

    private final ActivityEvidenceService evidence;

    ActivityEvidenceAccess(ActivityEvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override
    public boolean canRead(String sha256) {
        return evidence.canRead(sha256);
    }
}
