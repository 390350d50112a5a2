package org.finassist.server.security;

import java.util.List;

import static org.finassist.server.security.Grantee.ADMIN;
import static org.finassist.server.security.Grantee.ANONYMOUS;
import static org.finassist.server.security.Grantee.AUDITOR;
import static org.finassist.server.security.Grantee.CONTENT_OPS;
import static org.finassist.server.security.Grantee.CUSTOMER;
import static org.finassist.server.security.Grantee.KB_ADMIN;
import static org.finassist.server.security.Grantee.KEY_CHAT;
import static org.finassist.server.security.Grantee.KEY_CONTENT_READ;
import static org.finassist.server.security.Grantee.KEY_GATEWAY;
import static org.finassist.server.security.Grantee.KEY_KB_READ;
import static org.finassist.server.security.Grantee.OPS_VIEWER;
import static org.finassist.server.security.Grantee.SUPERVISOR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The least-privilege table, first match wins; a request no row matches is denied. README.md's "Who may call what"
 * table states the same grants and {@code SecurityMatrixIT} checks every cell of it over HTTP. A new endpoint
 * needs a row here (and in the README), else it answers 401/403.
 */
final class AccessRules {

    private AccessRules() {
    }

    static final List<AccessRule> RULES = List.of(
            // pages and assets that hold no data
            AccessRule.of(GET, "/", ANONYMOUS),
            AccessRule.of(GET, "/index.html", ANONYMOUS),
            AccessRule.of(GET, "/favicon.ico", ANONYMOUS),
            AccessRule.of(GET, "/widget/**", ANONYMOUS),
            AccessRule.of(GET, "/webjars/**", ANONYMOUS),
            AccessRule.of(GET, "/actuator/health", ANONYMOUS),
            AccessRule.of(POST, "/api/widget/token", ANONYMOUS),
            // the digital-human runtime authenticates with its own token in its hello frame
            AccessRule.of(GET, "/ws/runtime", ANONYMOUS),

            // customers (the widget's token) and API clients chatting on behalf of customers
            AccessRule.of(POST, "/api/chat", CUSTOMER, KEY_CHAT),
            AccessRule.of(POST, "/api/chat/*/handoff", CUSTOMER, KEY_CHAT),
            AccessRule.of(POST, "/api/chat/*/feedback", CUSTOMER, KEY_CHAT),
            AccessRule.of(GET, "/api/chat/*/messages", CUSTOMER, KEY_CHAT),
            AccessRule.of(GET, "/api/diagnosis/*", CUSTOMER, KEY_CHAT),
            AccessRule.of(GET, "/api/opening/steps", CUSTOMER, KEY_CHAT),
            AccessRule.of(POST, "/api/opening/sessions", CUSTOMER, KEY_CHAT),
            AccessRule.of(GET, "/api/opening/sessions/*", CUSTOMER, KEY_CHAT),
            AccessRule.of(POST, "/api/opening/sessions/*", CUSTOMER, KEY_CHAT),
            AccessRule.of(POST, "/api/opening/sessions/*/validate", CUSTOMER, KEY_CHAT),
            AccessRule.of(POST, "/api/opening/sessions/*/ask", CUSTOMER, KEY_CHAT),
            AccessRule.of(POST, "/api/opening/id-photo", CUSTOMER, KEY_CHAT),

            // knowledge bases
            AccessRule.of(GET, "/api/chat/feedback", KB_ADMIN),
            AccessRule.of(GET, "/api/kb", KB_ADMIN, KEY_KB_READ),
            AccessRule.of(POST, "/api/kb/*/search", KB_ADMIN, KEY_KB_READ),
            AccessRule.of(PUT, "/api/kb/*/published", KB_ADMIN),
            AccessRule.of(null, "/api/kb/**", KB_ADMIN),

            // AIGC commentary batches and articles
            AccessRule.of(GET, "/api/commentary/jobs", CONTENT_OPS, OPS_VIEWER),
            AccessRule.of(null, "/api/commentary/jobs/**", CONTENT_OPS),
            AccessRule.of(GET, "/api/commentary/articles/**", CONTENT_OPS, KEY_CONTENT_READ),
            // content-ops review of written articles (issue 21): the queue, approve (publishes), reject
            AccessRule.of(GET, "/api/commentary/review", CONTENT_OPS),
            AccessRule.of(null, "/api/commentary/review/**", CONTENT_OPS),

            // operations dashboard, metrics
            AccessRule.of(GET, "/ops", OPS_VIEWER),
            AccessRule.of(GET, "/ops/**", OPS_VIEWER),
            AccessRule.of(GET, "/api/ops/**", OPS_VIEWER),
            AccessRule.of(GET, "/actuator/**", OPS_VIEWER),

            // witnessing: supervisors decide, auditors export
            AccessRule.of(GET, "/witness/console", SUPERVISOR),
            AccessRule.of(GET, "/api/witness/sessions", SUPERVISOR),
            AccessRule.of(GET, "/api/witness/stream", SUPERVISOR),
            AccessRule.of(GET, "/api/witness/sessions/*", SUPERVISOR),
            AccessRule.of(POST, "/api/witness/sessions/*/decision", SUPERVISOR),
            AccessRule.of(GET, "/api/witness/sessions/*/audit", AUDITOR),
            AccessRule.of(GET, "/api/witness/sessions/*/audit/verify", AUDITOR),
            AccessRule.of(GET, "/api/audit", AUDITOR),
            AccessRule.of(GET, "/api/audit/verify", AUDITOR),

            // API documentation (springdoc) for integrators: operators who run or integrate the platform
            AccessRule.of(GET, "/v3/api-docs", ADMIN, SUPERVISOR),
            AccessRule.of(GET, "/v3/api-docs/**", ADMIN, SUPERVISOR),
            AccessRule.of(GET, "/v3/api-docs.yaml", ADMIN, SUPERVISOR),
            AccessRule.of(GET, "/v3/api-docs.yaml/**", ADMIN, SUPERVISOR),
            AccessRule.of(GET, "/swagger-ui.html", ADMIN, SUPERVISOR),
            AccessRule.of(GET, "/swagger-ui/**", ADMIN, SUPERVISOR),

            // the OpenAI-compatible gateway
            AccessRule.of(null, "/v1/**", KEY_GATEWAY),

            // administration: API keys, operator accounts; the management page
            AccessRule.of(GET, "/manage/review.html", CONTENT_OPS),
            AccessRule.of(GET, "/manage/review.js", CONTENT_OPS),
            AccessRule.of(GET, "/manage/review.css", CONTENT_OPS),
            AccessRule.of(GET, "/manage/manage.css", ADMIN, KB_ADMIN, CONTENT_OPS),
            // hand-off inbox (agents act under the admin role); FAQ drafts are reviewed by knowledge-base owners
            AccessRule.of(GET, "/admin/faq-drafts", ADMIN, KB_ADMIN),
            AccessRule.of(POST, "/admin/faq-drafts/**", ADMIN, KB_ADMIN),
            AccessRule.of(GET, "/manage", ADMIN, KB_ADMIN),
            AccessRule.of(GET, "/manage/**", ADMIN, KB_ADMIN),
            AccessRule.of(GET, "/admin/**", ADMIN),
            AccessRule.of(POST, "/admin/**", ADMIN),
            AccessRule.of(DELETE, "/admin/**", ADMIN));
}
