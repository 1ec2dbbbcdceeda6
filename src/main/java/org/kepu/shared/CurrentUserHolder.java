package org.kepu.shared;

/** Implemented by the security principal so that modules can get the caller without knowing identity's types. */
public interface CurrentUserHolder {

    CurrentUser currentUser();
}
