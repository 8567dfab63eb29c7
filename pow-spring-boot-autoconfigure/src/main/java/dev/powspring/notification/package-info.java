/**
 * Mails that tell users of security-relevant changes to their account: a sign-in from a
 * new browser, a changed password.
 */
package dev.powspring.notification;
