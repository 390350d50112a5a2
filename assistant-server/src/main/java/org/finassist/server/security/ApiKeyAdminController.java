package org.finassist.server.security;

import org.finassist.server.keys.KeyPolicy;
import org.finassist.server.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /admin/api-keys}: create with scopes and an optional {@link KeyPolicy} (the secret is shown once), list,
 * revoke, replace a key's policy ({@code PUT /admin/api-keys/{id}/policy}). Admin role only.
 */
@RestController
@RequestMapping("/admin/api-keys")
class ApiKeyAdminController {

    record CreateKey(String name, List<String> scopes, KeyPolicy policy) {
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
        ApiKeyStore.CreatedKey created = store.create(name, scopes, body == null ? null : body.policy());
        return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store")
                .body(new CreatedKeyView(created.info().id(), name, created.info().scopes(), created.secret(),
                        "Store this key now: only its hash is kept."));
    }

    @GetMapping
    List<ApiKeyStore.KeyInfo> list() {
        return store.list();
    }

    /** Replaces the key's policy; an empty object {@code {}} removes every limit. */
    @PutMapping("/{id}/policy")
    ResponseEntity<?> policy(@PathVariable long id, @RequestBody(required = false) KeyPolicy policy) {
        KeyPolicy p = policy == null ? KeyPolicy.NONE : policy;
        if (p.dailySoftCny() != null && p.dailyHardCny() != null && p.dailySoftCny().compareTo(p.dailyHardCny()) > 0
                || p.monthlySoftCny() != null && p.monthlyHardCny() != null
                && p.monthlySoftCny().compareTo(p.monthlyHardCny()) > 0) {
            return Problems.response(HttpStatus.BAD_REQUEST, "bad_policy", "a soft budget must not exceed its hard"
                    + " budget", "软限额不能高于硬限额。");
        }
        return store.setPolicy(id, p) ? ResponseEntity.ok(p) : Problems.response(HttpStatus.NOT_FOUND,
                "key_not_found", "No active API key with id " + id, "没有这个有效的 API 密钥。");
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        return store.revoke(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
