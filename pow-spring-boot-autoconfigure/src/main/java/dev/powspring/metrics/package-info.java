/**
 * Pow's Micrometer meters: sign-ins, registrations, throttle refusals, mails, token
 * thefts and live sessions, each tagged with its realm.
 */
package dev.powspring.metrics;
