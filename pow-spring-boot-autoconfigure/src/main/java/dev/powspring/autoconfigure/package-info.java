/**
 * Auto-configuration and configuration properties for Pow.
 */
package dev.powspring.autoconfigure;
