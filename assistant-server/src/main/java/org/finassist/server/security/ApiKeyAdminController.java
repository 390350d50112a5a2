package org.finassist.server.security;

import org.finassist.server.web.Problems;
import org.springframework.http.HttpStatus;
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

/** {@code /admin/api-keys}: create with scopes (the secret is shown once), list, revoke. Admin role only. */
@RestController
@RequestMapping("/admin/api-keys")
class ApiKeyAdminController {

    record CreateKey(String name, List<String> scopes) {
    }

    record CreatedKeyView(long id, String name, List<String> scopes, String key, String note) {
    }

    private final ApiKeyStore store;

    ApiKeyAdminController(ApiKeyStore store) {
        this.store = store;
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody(required = false) CreateKey body) {
        String name = body == null || body.name() == null || body.name().isBlank() ? "unnamed" : body.name().strip();
        if (name.length() > 100) {
            return Problems.response(HttpStatus.BAD_REQUEST, "bad_name",
                    "name must be at most 100 characters");
        }
        List<String> requested = body == null || body.scopes() == null || body.scopes().isEmpty()
                ? List.of("gateway") : body.scopes();
        Set<Grantee> scopes = EnumSet.noneOf(Grantee.class);
        for (String s : requested) {
            var scope = Grantee.keyScope(s);
            if (scope.isEmpty()) {
                return Problems.response(HttpStatus.BAD_REQUEST, "unknown_scope", "Unknown scope '"
                        + s + "'; scopes: gateway, chat, kb-read, content-read");
            }
            scopes.add(scope.get());
        }
        ApiKeyStore.CreatedKey created = store.create(name, scopes);
        return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store")
                .body(new CreatedKeyView(created.info().id(), name, created.info().scopes(), created.secret(),
                        "Store this key now: only its hash is kept."));
    }

    @GetMapping
    List<ApiKeyStore.KeyInfo> list() {
        return store.list();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        return store.revoke(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
