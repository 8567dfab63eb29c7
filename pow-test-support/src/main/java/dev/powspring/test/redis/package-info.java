/**
 * A real Redis for integration tests, located once per JVM.
 */
package dev.powspring.test.redis;
