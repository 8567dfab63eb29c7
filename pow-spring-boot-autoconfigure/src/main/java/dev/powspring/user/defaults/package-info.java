/**
 * The user entities Pow maps when the application declares none, one per user id field.
 * Each lives in a package of its own so exactly one is handed to JPA.
 */
package dev.powspring.user.defaults;
