/**
 * Sessions: a signed token in Pow's own cookie, resolved against the store on every
 * request, with no servlet {@code HttpSession}.
 */
package dev.powspring.session;
