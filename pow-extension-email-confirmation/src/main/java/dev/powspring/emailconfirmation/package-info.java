/**
 * Email confirmation: a new account, or a changed email address, is confirmed through a
 * signed link mailed to the address.
 */
package dev.powspring.emailconfirmation;
