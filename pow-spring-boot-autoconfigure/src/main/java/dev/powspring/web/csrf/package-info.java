/**
 * CSRF protection without a servlet session: a random value in an HttpOnly cookie, and in
 * each form that value signed with the server's secret.
 */
package dev.powspring.web.csrf;
