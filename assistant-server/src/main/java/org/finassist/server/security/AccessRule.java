package org.finassist.server.security;

import org.springframework.http.HttpMethod;

import java.util.EnumSet;
import java.util.Set;

/**
 * One row of the access table: requests matching {@code method} (null = any) and the path pattern are served to
 * the listed grantees. {@link Grantee#ANONYMOUS} makes the row public.
 */
record AccessRule(HttpMethod method, String pattern, Set<Grantee> grantees) {

    AccessRule {
        grantees = Set.copyOf(grantees);
    }

    static AccessRule of(HttpMethod method, String pattern, Grantee first, Grantee... more) {
        return new AccessRule(method, pattern, EnumSet.of(first, more));
    }

    boolean isPublic() {
        return grantees.contains(Grantee.ANONYMOUS);
    }

    String[] authorities() {
        return grantees.stream().map(Grantee::authority).filter(a -> a != null).sorted().toArray(String[]::new);
    }
}
