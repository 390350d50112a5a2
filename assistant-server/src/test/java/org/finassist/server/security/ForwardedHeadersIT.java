package org.finassist.server.security;

import org.finassist.server.support.SharedServerContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development profile's loopback trust cannot be faked with forwarded headers: a non-loopback caller sending
 * {@code X-Forwarded-For: 127.0.0.1} stays a stranger, and a configured proxy (here on loopback) reporting a remote
 * client makes the request remote. Runs with the dev profile on, as the other tests do.
 */
class ForwardedHeadersIT extends SharedServerContext {

    @LocalServerPort
    int port;

    @Test
    void aTrustedProxyReportingARemoteClientMakesTheRequestRemote() throws Exception {
        assertThat(RawHttp.status("127.0.0.1", port, "GET", "/admin/api-keys")).as("dev loopback").isEqualTo(200);
        assertThat(RawHttp.status("127.0.0.1", port, "GET", "/admin/api-keys", "X-Forwarded-For: 203.0.113.9"))
                .isEqualTo(401);
        assertThat(RawHttp.status("127.0.0.1", port, "GET", "/admin/api-keys",
                "X-Forwarded-For: 127.0.0.1, 203.0.113.9")).isEqualTo(401);
    }

    @Test
    void aNonLoopbackCallerCannotClaimLoopback() throws Exception {
        Optional<String> address = nonLoopbackAddress();
        Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
        String host = address.get();
        assertThat(RawHttp.status(host, port, "GET", "/admin/api-keys")).isEqualTo(401);
        for (String spoof : new String[]{"X-Forwarded-For: 127.0.0.1", "X-Real-IP: 127.0.0.1",
                "Forwarded: for=127.0.0.1", "X-Forwarded-For: ::1", "Client-IP: 127.0.0.1"}) {
            assertThat(RawHttp.status(host, port, "GET", "/admin/api-keys", spoof)).as(spoof).isEqualTo(401);
            assertThat(RawHttp.status(host, port, "GET", "/api/chat/feedback", spoof)).as(spoof).isEqualTo(401);
            assertThat(RawHttp.status(host, port, "POST", "/api/witness/sessions/x/decision", spoof)).as(spoof)
                    .isEqualTo(401);
        }
    }

    private static Optional<String> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : nic.inetAddresses().toList()) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }
}
