/**
 * Password reset: a signed, single-use link mailed to the user, who then chooses a new
 * password without the old one.
 */
package dev.powspring.resetpassword;
