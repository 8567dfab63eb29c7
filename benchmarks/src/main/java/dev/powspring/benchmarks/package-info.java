/**
 * Benchmarks, run on demand: what authentication costs a request.
 */
package dev.powspring.benchmarks;
