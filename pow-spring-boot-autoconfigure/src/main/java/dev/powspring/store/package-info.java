/**
 * Storage for short-lived state such as credentials caches and single-use tokens: the
 * {@link dev.powspring.store.PowStore} SPI, the
 * {@link dev.powspring.store.PrincipalIndexedPowStore} capability for finding a user's
 * entries, and its backends: in memory, JDBC and Redis.
 */
package dev.powspring.store;
