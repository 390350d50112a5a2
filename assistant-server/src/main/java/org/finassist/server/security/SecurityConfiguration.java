package org.finassist.server.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.finassist.server.cluster.ClusterBus;
import org.finassist.server.cluster.ClusterEvent;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Spring Security for every path: the strict firewall, the {@link AccessRules} table (deny by default), customers'
 * JWTs and API keys as bearer tokens, operator accounts by form login (pages) or HTTP Basic (scripts), CSRF for
 * cookie sessions, browser hardening headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The gateway's paths, served by {@link #gatewayFilterChain}. */
    private static final String GATEWAY = "/v1/**";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ApiKeyStore apiKeyStore(JdbcClient jdbc, ClusterBus bus) {
        return new ApiKeyStore(jdbc, bus);
    }

    @Bean
    OperatorStore operatorStore(JdbcClient jdbc, PasswordEncoder encoder, ClusterBus bus) {
        return new OperatorStore(jdbc, encoder, bus);
    }

    /** The signed-in operators' cookie sessions on this node, so a disable on any node can end them here. */
    @Bean
    SessionRegistry operatorSessions(ClusterBus bus) {
        SessionRegistry registry = new SessionRegistryImpl();
        bus.subscribe(ClusterEvent.OperatorChanged.class, e -> OperatorSessions.expire(registry, e.username()));
        return registry;
    }

    /** Tells the registry when a servlet session ends, so it does not keep them. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    CustomerTokens customerTokens(SecurityProperties properties) {
        return new CustomerTokens(properties.customers());
    }

    @Bean
    OperatorAudit operatorAudit(JdbcClient jdbc, SecurityProperties properties,
                                @Value("${finassist.data-dir}") Path dataDir,
                                org.springframework.transaction.PlatformTransactionManager transactions) {
        return new OperatorAudit(jdbc, OperatorAudit.key(properties.auditKey(), dataDir),
                new org.springframework.transaction.support.TransactionTemplate(transactions));
    }

    @Bean
    ColumnCipher columnCipher(SecurityProperties properties, @Value("${finassist.data-dir}") Path dataDir) {
        return ColumnCipher.from(properties.columnKey(), dataDir);
    }

    @Bean
    WebMvcConfigurer operatorAuditTrail(OperatorAudit audit) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new OperatorAuditInterceptor(audit));
            }
        };
    }

    /** One set of buckets for both filter chains (the gateway's and the main one). */
    @Bean
    RateLimits rateLimits(RateLimitProperties properties) {
        return new RateLimits(properties);
    }

    /** Before everything: a body's pace is judged however far the request gets. */
    @Bean
    FilterRegistrationBean<MinimumBodyRate> minimumBodyRate(ResourceLimitProperties limits) {
        FilterRegistrationBean<MinimumBodyRate> bean = new FilterRegistrationBean<>(new MinimumBodyRate(limits));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return bean;
    }

    /** After Spring Security (order -100): only callers allowed to upload take a slot. */
    @Bean
    FilterRegistrationBean<UploadGate> uploadGate(ResourceLimitProperties limits) {
        FilterRegistrationBean<UploadGate> bean = new FilterRegistrationBean<>(new UploadGate(limits));
        bean.setOrder(0);
        return bean;
    }

    /** Stated although it is the default: rejects {@code ;}, encoded {@code . / \ %}, {@code //}, {@code ..}. */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    ApplicationRunner bootstrapAdmin(OperatorStore operators, SecurityProperties properties) {
        return args -> BootstrapAdmin.createIfNone(operators, properties.bootstrapAdmin());
    }

    /**
     * No Micrometer observation of every security filter, authentication and authorisation: with an observation
     * registry present Spring Security otherwise wraps each of the chain's ~15 filters in its own observation,
     * which was the largest single cost of a gateway request (issue 19 profile). Requests stay observed as a
     * whole by Spring MVC's {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The OpenAI-compatible gateway ({@code /v1/**}) is called by API clients with a bearer key only: a stateless
     * chain with the same access rules, bearer and Basic authentication and error shapes as the main chain, but
     * without what serves browsers (CSRF tokens and their cookie on every response, sessions, the saved request,
     * form sign-in, sign-in and sign-out pages, CORS: the widget's origins are allowed on {@code /api/**} only),
     * which a request per answer paid for nothing.
     */
    @Bean
    @Order(1)
    SecurityFilterChain gatewayFilterChain(HttpSecurity http, SecurityProperties properties, Environment env,
                                           ApiKeyStore keys, CustomerTokens tokens, RateLimits rateLimits)
            throws Exception {
        boolean devLoopback = devLoopback(properties, env);
        SecurityErrors errors = new SecurityErrors();
        BearerTokenResolver bearer = bearer(devLoopback);
        http.securityMatcher(GATEWAY);
        http.authorizeHttpRequests(a -> {
            for (AccessRule rule : AccessRules.RULES) {
                if (rule.pattern().startsWith("/v1/")) {
                    grant(a.requestMatchers(matcher(rule)), rule, devLoopback);
                }
            }
            denyTheRest(a, devLoopback);
        });
        http.oauth2ResourceServer(o -> o.bearerTokenResolver(bearer).authenticationEntryPoint(errors)
                .accessDeniedHandler(errors).authenticationManagerResolver(managers(bearer, keys, tokens)));
        // operators' Basic credentials are still recognised, so one without the gateway scope is refused (403)
        http.httpBasic(b -> b.authenticationEntryPoint(errors));
        // no sessions at all (not only none created): the context lives in the request, and the session filters and
        // the request wrapper of the servlet API integration (for AsyncContext.start, which the gateway does not use)
        // are left out of a chain every answer passes through
        http.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()));
        http.sessionManagement(s -> s.disable());
        http.servletApi(s -> s.disable());
        http.requestCache(c -> c.disable());
        http.csrf(c -> c.disable());
        http.logout(l -> l.disable());
        http.exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors));
        rateLimits.addTo(http);
        apiHeaders(http);
        return http.build();
    }

    /**
     * The headers OWASP's REST Security Cheat Sheet asks of an API response (nosniff, no caching, no framing), not a
     * page's: the pages' long script policy, Referrer-Policy, Pragma and Expires mean nothing to a program reading
     * JSON, and fourteen headers on every answer were a measurable part of a gateway request's CPU (issue 19).
     * HSTS is still sent on HTTPS requests.
     */
    private static void apiHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h.defaultsDisabled()
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(f -> f.deny())
                .httpStrictTransportSecurity(Customizer.withDefaults())
                .addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store"))
                .contentSecurityPolicy(c -> c.policyDirectives("frame-ancestors 'none'")));
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, Environment env,
                                            ApiKeyStore keys, CustomerTokens tokens, RateLimits rateLimits,
                                            SessionRegistry sessions) throws Exception {
        boolean devLoopback = devLoopback(properties, env);
        SecurityErrors errors = new SecurityErrors();
        BearerTokenResolver bearer = bearer(devLoopback);
        http.authorizeHttpRequests(a -> {
            // a forward (/manage → /manage/index.html) or an error page was authorised as the original request
            a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
            a.requestMatchers("/login", "/logout").permitAll();
            for (AccessRule rule : AccessRules.RULES) {
                grant(a.requestMatchers(matcher(rule)), rule, devLoopback);
            }
            denyTheRest(a, devLoopback);
        });
        // CORS preflights (the widget on the brokerage's pages) are answered from Spring MVC's CORS configuration
        // before authentication: a browser never sends credentials with one
        http.cors(Customizer.withDefaults());
        http.oauth2ResourceServer(o -> o.bearerTokenResolver(bearer).authenticationEntryPoint(errors)
                .accessDeniedHandler(errors).authenticationManagerResolver(managers(bearer, keys, tokens)));
        http.formLogin(f -> f.defaultSuccessUrl("/manage"));
        http.httpBasic(b -> b.authenticationEntryPoint(errors));
        http.logout(l -> l.logoutSuccessUrl("/login?logout"));
        // unlimited sessions per operator, but registered: a disabled operator's sessions end on every node at once
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"));
        // a default, not the entry point: an explicit one would switch off Spring's generated sign-in page
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(errors, AnyRequestMatcher.INSTANCE)
                .accessDeniedHandler(errors));
        // only a page a browser asked for is remembered for after sign-in; an API 401 creates no session
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(SecurityErrors::isPage);
        http.requestCache(c -> c.requestCache(pages));
        http.csrf(c -> c.spa().requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrf));
        rateLimits.addTo(http);
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.policy()))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Deny by default; a dev loopback caller reaches Spring MVC, which answers 404/405 for what is not there. */
    private static void denyTheRest(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a,
                                    boolean devLoopback) {
        if (devLoopback) {
            a.anyRequest().access(DevLoopback.manager());
        } else {
            a.anyRequest().denyAll();
        }
    }

    private static BearerTokenResolver bearer(boolean devLoopback) {
        return devLoopback ? DevLoopback.lenient(new DefaultBearerTokenResolver()) : new DefaultBearerTokenResolver();
    }

    /**
     * CSRF protects what a browser sends with ambient credentials: a cookie session (and the sign-in form).
     * Bearer tokens and explicit Basic headers are not sent by a browser on its own.
     */
    private static boolean needsCsrf(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        if ("/login".equals(request.getServletPath())) {
            return true;
        }
        return request.getRequestedSessionId() != null && request.getHeader("Authorization") == null;
    }

    private static RequestMatcher matcher(AccessRule rule) {
        return PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
    }

    private static void grant(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url, AccessRule rule,
                              boolean devLoopback) {
        if (rule.isPublic()) {
            url.permitAll();
            return;
        }
        AuthorizationManager<RequestAuthorizationContext> byAuthority =
                AuthorityAuthorizationManager.hasAnyAuthority(rule.authorities());
        url.access(devLoopback ? AuthorizationManagers.anyOf(byAuthority, DevLoopback.manager()) : byAuthority);
    }

    /** API keys ({@code fa-…}) and customers' JWTs share the bearer header; the token's form picks the check. */
    private static AuthenticationManagerResolver<HttpServletRequest> managers(BearerTokenResolver bearer,
                                                                              ApiKeyStore keys, CustomerTokens tokens) {
        AuthenticationManager apiKeys = new ProviderManager(new ApiKeyAuthenticationProvider(keys));
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(tokens.decoder());
        JwtAuthenticationConverter customer = new JwtAuthenticationConverter();
        // whatever the token claims, a customer token grants the customer role and nothing more
        customer.setJwtGrantedAuthoritiesConverter(j -> List.of(new SimpleGrantedAuthority(
                Grantee.CUSTOMER.authority())));
        jwt.setJwtAuthenticationConverter(customer);
        AuthenticationManager customers = new ProviderManager(jwt);
        return request -> {
            String token = bearer.resolve(request);
            return token != null && token.startsWith(ApiKeyAuthenticationProvider.PREFIX) ? apiKeys : customers;
        };
    }

    private static boolean devLoopback(SecurityProperties properties, Environment env) {
        if ("framework".equalsIgnoreCase(env.getProperty("server.forward-headers-strategy", ""))) {
            throw new IllegalStateException("server.forward-headers-strategy=framework trusts X-Forwarded-For from"
                    + " any sender; use native with server.tomcat.remoteip.internal-proxies.");
        }
        if (!properties.devLoopbackTrust()) {
            return false;
        }
        if (!env.acceptsProfiles(Profiles.of("dev"))) {
            throw new IllegalStateException("finassist.security.dev-loopback-trust serves every endpoint to loopback"
                    + " callers; it is honoured only with the 'dev' profile active (SPRING_PROFILES_ACTIVE=dev).");
        }
        return true;
    }
}
