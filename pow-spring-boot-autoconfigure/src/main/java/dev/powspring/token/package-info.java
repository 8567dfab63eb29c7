/**
 * Signing of the tokens Pow hands to clients, such as session ids and flash cookies.
 */
package dev.powspring.token;
