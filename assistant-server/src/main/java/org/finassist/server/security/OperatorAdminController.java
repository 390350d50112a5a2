package org.finassist.server.security;

import org.springframework.http.HttpStatus;
import org.finassist.server.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /admin/operators}: per-person operator accounts (admin role only). The password is shown once. */
@RestController
@RequestMapping("/admin/operators")
class OperatorAdminController {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{2,64}");

    record CreateOperator(String username, List<String> roles) {
    }

    record CreatedOperator(String username, List<String> roles, String password, String note) {
    }

    private final OperatorStore store;

    OperatorAdminController(OperatorStore store) {
        this.store = store;
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody CreateOperator body) {
        if (body == null || body.username() == null || !USERNAME.matcher(body.username()).matches()) {
            return Problems.response(HttpStatus.BAD_REQUEST, "bad_username", "username must be 2-64 of A-Z a-z 0-9 _ . @ -");
        }
        Set<Grantee> roles = EnumSet.noneOf(Grantee.class);
        for (String r : body.roles() == null ? List.<String>of() : body.roles()) {
            var role = Grantee.operatorRole(r);
            if (role.isEmpty()) {
                return Problems.response(HttpStatus.BAD_REQUEST, "unknown_role", "Unknown role '" + r
                        + "'; roles: admin, kb-admin, content-ops, supervisor, ops-viewer, auditor");
            }
            roles.add(role.get());
        }
        if (roles.isEmpty()) {
            return Problems.response(HttpStatus.BAD_REQUEST, "no_role", "An operator needs at least one role");
        }
        if (store.exists(body.username())) {
            return Problems.response(HttpStatus.CONFLICT, "username_taken", "Operator " + body.username() + " exists");
        }
        String password = store.create(body.username(), roles, null);
        return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store")
                .body(new CreatedOperator(body.username(), roles.stream().map(Grantee::wireName).toList(), password,
                        "Hand this password to its owner now: only its hash is kept."));
    }

    @GetMapping
    List<OperatorStore.OperatorInfo> list() {
        return store.list();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> disable(@PathVariable long id) {
        return store.disable(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
