/**
 * Throttling: limits on failed sign-ins and on requests that send mail, counted in the
 * store so they hold across nodes.
 */
package dev.powspring.throttle;
