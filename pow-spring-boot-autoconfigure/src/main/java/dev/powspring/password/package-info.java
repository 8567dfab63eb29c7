/**
 * Password hashing compatible with the hashes stored by Elixir Pow.
 */
package dev.powspring.password;
