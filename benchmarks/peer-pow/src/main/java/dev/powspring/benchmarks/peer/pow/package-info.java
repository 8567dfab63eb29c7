/**
 * Pow's side of the benchmarks' comparison with Spring Security and Spring Session.
 */
package dev.powspring.benchmarks.peer.pow;
