/**
 * A real PostgreSQL for integration tests, with a clean schema for every test class.
 */
package dev.powspring.test.postgres;
