/**
 * Pow's Flyway migrations, run with their own history table before the application's.
 */
package dev.powspring.migration;
