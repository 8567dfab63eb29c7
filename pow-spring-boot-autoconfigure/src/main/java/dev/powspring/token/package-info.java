/**
 * Signing of the tokens Pow hands to clients, such as session ids and flash cookies, and
 * the single-use tokens of links mailed to users, kept in the store as hashes.
 */
package dev.powspring.token;
