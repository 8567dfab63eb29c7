/**
 * Pow in {@code @WebMvcTest} slices: Pow's web layer with an in-memory session store and
 * an in-memory users service, so that slice tests behave like the application.
 */
package dev.powspring.testing.slice;
