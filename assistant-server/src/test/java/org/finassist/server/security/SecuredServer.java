package org.finassist.server.security;

import org.finassist.server.support.FakeUpstreams;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server in its production security configuration (no loopback trust, the bootstrap admin's password known to
 * the test), shared by the security integration tests so they start one Spring context between them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finassist.security.dev-loopback-trust=false",
        "finassist.security.bootstrap-admin.password=" + Identities.ADMIN_PASSWORD,
        // the test configuration includes the dev profile, whose health shows details to anyone: production's here
        "management.endpoint.health.show-details=when-authorized",
        "management.endpoint.health.show-components=when-authorized"})
abstract class SecuredServer {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry r) {
        FakeUpstreams.register(r);
        // sf a tenth of ds's price, so a key past its soft budget visibly moves to it (VirtualKeysIT)
        r.add("finassist.router.providers.sf.prices.input", () -> "0.2");
        r.add("finassist.router.providers.sf.prices.output", () -> "0.8");
        r.add("finassist.gateway.customer-facing-keys[0]", () -> VirtualKeysIT.GATED_KEY);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }
}
