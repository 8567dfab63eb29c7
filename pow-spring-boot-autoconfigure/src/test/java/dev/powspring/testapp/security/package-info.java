/**
 * Applications with Spring Security: {@code zerocode} declares no filter chain, so Pow's
 * own is used; {@code chains} declares its own chain with Pow and a second chain for
 * machine clients.
 */
package dev.powspring.testapp.security;
