/**
 * Pow's message bundles, resolved through the application's {@code MessageSource}.
 */
package dev.powspring.messages;
