package org.kepu.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends an account's sessions (stored in the database) when it is disabled or its password is reset. */
@Component
class AccountSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    void endAll(String username) {
        sessions.ifAvailable(repo -> repo.findByPrincipalName(username).keySet().forEach(repo::deleteById));
    }
}
