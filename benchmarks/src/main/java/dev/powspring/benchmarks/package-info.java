/**
 * Benchmarks, run on demand: what authentication costs a request, and what the admin
 * console's user list costs on a large table.
 */
package dev.powspring.benchmarks;
