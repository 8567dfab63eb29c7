/**
 * Realms: kinds of users side by side in one application, each with its own table,
 * routes, cookies, sessions, messages, templates and extensions.
 */
package dev.powspring.realm;
