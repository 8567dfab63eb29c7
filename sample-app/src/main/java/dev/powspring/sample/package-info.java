/**
 * A small notes application that keeps its users with Pow.
 */
package dev.powspring.sample;
