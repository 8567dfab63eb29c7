/**
 * Storage for short-lived state such as credentials caches and single-use tokens: the
 * {@link dev.powspring.store.PowStore} SPI, the
 * {@link dev.powspring.store.PrincipalIndexedPowStore} capability for finding a user's
 * entries, and the in-memory backend.
 */
package dev.powspring.store;
