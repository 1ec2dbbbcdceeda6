package org.kepu.activity;

import java.util.List;

/** The outcome of attaching one file: the attachment, and the other activities already using the same file. */
public record AttachResult(ActivityEvidence evidence, boolean alreadyAttached, List<ReuseNotice> reusedIn) {
}
