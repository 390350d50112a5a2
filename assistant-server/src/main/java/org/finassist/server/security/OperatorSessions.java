package org.finassist.server.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;

/** Ends an operator's cookie sessions on this node (the next request with one is signed out). */
final class OperatorSessions {

    private OperatorSessions() {
    }

    static int expire(SessionRegistry registry, String username) {
        int n = 0;
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails u ? u.getUsername() : String.valueOf(principal);
            if (name.equals(username)) {
                for (SessionInformation s : registry.getAllSessions(principal, false)) {
                    s.expireNow();
                    n++;
                }
            }
        }
        return n;
    }
}
