/**
 * Multitenancy: which tenant a request belongs to, the tenants themselves, and the
 * scoping of users, sessions, throttles and mail links to one tenant.
 */
package dev.powspring.tenant;
