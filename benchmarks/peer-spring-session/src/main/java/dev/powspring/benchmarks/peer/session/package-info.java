/**
 * Spring Security with Spring Session, the peer that the benchmarks compare Pow with.
 */
package dev.powspring.benchmarks.peer.session;
