/**
 * Two-factor sign-in: a time-based one-time code (TOTP, RFC 6238) from an authenticator
 * app, or a single-use recovery code, completes a sign-in after the password.
 */
package dev.powspring.twofactor;
