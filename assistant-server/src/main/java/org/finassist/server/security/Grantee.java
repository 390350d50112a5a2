package org.finassist.server.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may be granted an endpoint: the README's role × endpoint table has one column per value, named by
 * {@link #column()}. Customers come with a JWT, API clients with a key's scope, operators with a role of their
 * per-person account; {@link #ANONYMOUS} stands for "anyone, signed in or not".
 */
public enum Grantee {
    ANONYMOUS("anonymous", null),
    CUSTOMER("customer", "ROLE_CUSTOMER"),
    KEY_GATEWAY("key:gateway", "SCOPE_gateway"),
    KEY_CHAT("key:chat", "SCOPE_chat"),
    KEY_KB_READ("key:kb-read", "SCOPE_kb-read"),
    KEY_CONTENT_READ("key:content-read", "SCOPE_content-read"),
    ADMIN("admin", "ROLE_ADMIN"),
    KB_ADMIN("kb-admin", "ROLE_KB_ADMIN"),
    CONTENT_OPS("content-ops", "ROLE_CONTENT_OPS"),
    SUPERVISOR("supervisor", "ROLE_SUPERVISOR"),
    OPS_VIEWER("ops-viewer", "ROLE_OPS_VIEWER"),
    AUDITOR("auditor", "ROLE_AUDITOR");

    private final String column;
    private final String authority;

    Grantee(String column, String authority) {
        this.column = column;
        this.authority = authority;
    }

    /** The README table's column header. */
    public String column() {
        return column;
    }

    /** The Spring Security authority that carries this grant; null for {@link #ANONYMOUS}. */
    public String authority() {
        return authority;
    }

    public boolean isOperatorRole() {
        return authority != null && authority.startsWith("ROLE_") && this != CUSTOMER;
    }

    public boolean isKeyScope() {
        return authority != null && authority.startsWith("SCOPE_");
    }

    /** The part after {@code key:} or the role name, as typed in the admin API. */
    public String wireName() {
        return isKeyScope() ? column.substring(4) : column;
    }

    public static Optional<Grantee> byColumn(String column) {
        String c = column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.column.equals(c)).findFirst();
    }

    static Optional<Grantee> operatorRole(String name) {
        return byColumn(name).filter(Grantee::isOperatorRole);
    }

    static Optional<Grantee> keyScope(String name) {
        return byColumn("key:" + (name == null ? "" : name.strip())).filter(Grantee::isKeyScope);
    }
}
