/**
 * Remember me: a signed cookie that restores the session after it expires.
 */
package dev.powspring.persistentsession;
