/**
 * A cookie-keeping HTTP client that submits forms as a browser would, for tests of Pow's
 * pages over real HTTP.
 */
package dev.powspring.test.web;
