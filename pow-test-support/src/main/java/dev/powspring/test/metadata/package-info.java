/**
 * Checks that every configuration property a module declares is described, in the IDE
 * metadata and in the README.
 */
package dev.powspring.test.metadata;
