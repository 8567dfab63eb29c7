/**
 * The staff desk: a second kind of user, in the realm {@code staff} at {@code /staff}.
 */
package dev.powspring.sample.staff;
