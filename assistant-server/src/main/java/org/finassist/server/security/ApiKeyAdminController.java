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

import java.util.List;
import java.util.Map;

/** {@code /admin/api-keys}: create (the secret is shown once), list, revoke. Loopback or admin token only. */
@RestController
@RequestMapping("/admin/api-keys")
class ApiKeyAdminController {

    record CreateKey(String name, String role) {
    }

    private final ApiKeyStore store;

    ApiKeyAdminController(ApiKeyStore store) {
        this.store = store;
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody(required = false) CreateKey body) {
        String name = body == null || body.name() == null || body.name().isBlank() ? "unnamed" : body.name().strip();
        if (name.length() > 100) {
            return Problems.response(HttpStatus.BAD_REQUEST, "bad_name", "name must be at most 100 characters");
        }
        String roleName = body == null || body.role() == null || body.role().isBlank() ? "client" : body.role();
        var role = KeyRole.parse(roleName);
        if (role.isEmpty()) {
            return Problems.response(HttpStatus.BAD_REQUEST, "bad_role", "role must be 'client' or 'supervisor'");
        }
        ApiKeyStore.CreatedKey created = store.create(name, role.get());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", created.info().id(), "name", name,
                "role", role.get().wireName(), "key", created.secret(),
                "note", "Store this key now: only its hash is kept."));
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
