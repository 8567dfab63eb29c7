/**
 * API tokens for mobile apps, SPAs and other API clients, compatible with Pow's API guide:
 * JSON sign-in, registration, renewal and sign-out, and every request with an access token
 * signed in as its user.
 */
package dev.powspring.api;
