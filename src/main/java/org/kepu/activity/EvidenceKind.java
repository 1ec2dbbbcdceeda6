package org.kepu.activity;

/** What an attached evidence file shows: a photo, a document (PDF) or a scanned sign-in sheet. */
public enum EvidenceKind {
    PHOTO,
    PDF,
    SIGN_IN_SHEET
}
