/**
 * Guards: which requests need a signed-in user, which need an anonymous one, and what
 * happens to those that do not qualify.
 */
package dev.powspring.web.guard;
