package org.finassist.server.security;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** The API key a request was authenticated with, as the servlet request's principal and role. */
record KeyCaller(String name, KeyRole role) implements Principal {

    @Override
    public String getName() {
        return name;
    }

    HttpServletRequest wrap(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return KeyCaller.this;
            }

            @Override
            public boolean isUserInRole(String r) {
                return role.wireName().equalsIgnoreCase(r);
            }
        };
    }
}
