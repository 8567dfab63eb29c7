/**
 * Auth events: one {@link dev.powspring.event.PowAuthEvent} per thing that happens to an
 * account or a session, published as a Spring application event for the audit trail,
 * metrics and the application's own listeners.
 */
package dev.powspring.event;
