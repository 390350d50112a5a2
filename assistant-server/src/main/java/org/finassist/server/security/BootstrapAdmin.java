package org.finassist.server.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The first operator account. On a server with no operator it creates {@code admin} holding every operator role
 * (one person runs the embedded default; production splits the roles over per-person accounts made from
 * {@code /admin/operators}), with a generated password printed once on the console, never logged.
 */
final class BootstrapAdmin {

    private BootstrapAdmin() {
    }

    static void createIfNone(OperatorStore operators, SecurityProperties.BootstrapAdmin config) {
        if (!config.enabled() || !operators.isEmpty()) {
            return;
        }
        Set<Grantee> roles = EnumSet.noneOf(Grantee.class);
        for (Grantee g : Grantee.values()) {
            if (g.isOperatorRole()) {
                roles.add(g);
            }
        }
        String password = operators.create(config.username(), roles, config.password());
        if (config.password().isEmpty()) {
            // the console, not the log: log files are shipped and kept; this is shown once and not stored in clear
            System.out.println("""

                    ================================================================================
                     FinAssist: operator account created (shown once; only its hash is stored)
                       user:     %s
                       password: %s
                     Sign in at /login; create per-person accounts with POST /admin/operators.
                    ================================================================================
                    """.formatted(config.username(), password));
        }
    }
}
