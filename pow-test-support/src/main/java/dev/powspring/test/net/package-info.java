/**
 * A TCP proxy that tests cut and restore, to show how Pow behaves while a backend is
 * unreachable and after it returns.
 */
package dev.powspring.test.net;
