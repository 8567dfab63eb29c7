/**
 * Spring Security integration, active when Spring Security is on the classpath: Pow's
 * session is Spring Security's {@code SecurityContextRepository}, the Pow user is the
 * {@code Authentication}, and {@link dev.powspring.security.PowSecurityConfigurer} adds
 * Pow to a {@code SecurityFilterChain} in one line, with one CSRF token, one sign-out and
 * Pow's answers to anonymous and forbidden requests.
 */
package dev.powspring.security;
