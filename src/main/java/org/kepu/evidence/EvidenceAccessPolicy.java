package org.kepu.evidence;

/**
 * Decides whether the current caller may download a stored file. Modules that attach files to their records
 * implement it (a file is visible when the caller can see a record that uses it); no policy saying yes → 404.
 */
public interface EvidenceAccessPolicy {

    boolean canRead(String sha256);
}
