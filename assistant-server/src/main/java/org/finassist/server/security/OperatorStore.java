package org.finassist.server.security;

import org.finassist.server.cluster.ClusterBus;
import org.finassist.server.cluster.ClusterEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Per-person operator accounts: a user name, a password hash (bcrypt through Spring's delegating encoder) and
 * roles ({@link Grantee#isOperatorRole()}). Passwords are generated here and shown once; only hashes are stored.
 */
final class OperatorStore implements UserDetailsService {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    record OperatorInfo(long id, String username, List<String> roles, OffsetDateTime createdAt,
                        OffsetDateTime disabledAt) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final ClusterBus bus;
    private final SecureRandom random = new SecureRandom();

    OperatorStore(JdbcClient jdbc, PasswordEncoder encoder, ClusterBus bus) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.bus = bus;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, roles, disabled_at FROM operators WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .authorities(parse(rs.getString(3)).stream()
                                .map(g -> new SimpleGrantedAuthority(g.authority())).toList())
                        .disabled(rs.getObject(4) != null).build())
                .optional().orElseThrow(() -> new UsernameNotFoundException("No operator " + username));
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM operators").query(Long.class).single() == 0;
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM operators WHERE username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    /** Creates the account with {@code password}, or a generated one when null; returns the password. */
    String create(String username, Set<Grantee> roles, String password) {
        String secret = password == null || password.isBlank() ? generate() : password;
        jdbc.sql("INSERT INTO operators (username, password_hash, roles, created_at) VALUES (?, ?, ?, ?)")
                .params(username, encoder.encode(secret), join(roles), OffsetDateTime.now()).update();
        return secret;
    }

    List<OperatorInfo> list() {
        return jdbc.sql("SELECT id, username, roles, created_at, disabled_at FROM operators ORDER BY id")
                .query((rs, n) -> new OperatorInfo(rs.getLong(1), rs.getString(2),
                        parse(rs.getString(3)).stream().map(Grantee::wireName).toList(),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** Disables the account; its cookie sessions end on every node (announced on the cluster bus). */
    boolean disable(long id) {
        boolean disabled = jdbc.sql("UPDATE operators SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL")
                .params(OffsetDateTime.now(), id).update() > 0;
        if (disabled) {
            jdbc.sql("SELECT username FROM operators WHERE id = ?").param(id).query(String.class).optional()
                    .ifPresent(u -> bus.publish(new ClusterEvent.OperatorChanged(u)));
        }
        return disabled;
    }

    private String generate() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String join(Set<Grantee> roles) {
        return String.join(",", roles.stream().map(Grantee::wireName).sorted().toList());
    }

    private static Set<Grantee> parse(String roles) {
        Set<Grantee> out = EnumSet.noneOf(Grantee.class);
        for (String r : (roles == null ? "" : roles).split(",")) {
            Grantee.operatorRole(r).ifPresent(out::add);
        }
        return out;
    }
}
