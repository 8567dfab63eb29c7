/**
 * Flash attributes kept in a signed cookie rather than in the HTTP session.
 */
package dev.powspring.web.flash;
