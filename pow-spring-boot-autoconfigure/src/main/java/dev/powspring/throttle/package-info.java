/**
 * Throttling: limits on failed sign-ins and on requests that send mail, counted in the
 * store so they hold across nodes. Attempts are reserved atomically before the work they
 * limit, and device cookies keep strangers' failures from locking out an account's known
 * devices.
 */
package dev.powspring.throttle;
