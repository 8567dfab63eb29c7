/**
 * Passkeys (WebAuthn, verified with webauthn4j): registered from the account page, and a
 * username-less sign-in that counts as multi-factor when the authenticator verified the
 * user.
 */
package dev.powspring.passkeys;
