/**
 * Time for tests: a clock that tests set and advance instead of waiting.
 */
package dev.powspring.test.time;
