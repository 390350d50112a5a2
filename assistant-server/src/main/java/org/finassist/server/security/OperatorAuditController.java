package org.finassist.server.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /api/audit}: the operator audit trail and its verification, for auditors. */
@RestController
class OperatorAuditController {

    private final OperatorAudit audit;

    OperatorAuditController(OperatorAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    List<OperatorAudit.Entry> recent(@RequestParam(defaultValue = "100") int limit) {
        return audit.recent(Math.clamp(limit, 1, 1000));
    }

    @GetMapping("/api/audit/verify")
    OperatorAudit.Verification verify() {
        return audit.verify();
    }
}
