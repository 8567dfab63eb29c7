/**
 * The audit trail: {@link dev.powspring.event.PowAuthEvent}s kept in a table, shown as a
 * user's recent security activity, and pruned after a retention period.
 */
package dev.powspring.audit;
