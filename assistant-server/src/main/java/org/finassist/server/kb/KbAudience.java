package org.finassist.server.kb;

import org.finassist.server.security.Grantee;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who sees knowledge bases that are not published to customers: kb-admin operators only. */
final class KbAudience {

    private KbAudience() {
    }

    static boolean seesUnpublished() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            // only the dev profile's loopback trust lets an anonymous caller this far
            return true;
        }
        return auth.getAuthorities().stream().anyMatch(a -> Grantee.KB_ADMIN.authority().equals(a.getAuthority()));
    }
}
