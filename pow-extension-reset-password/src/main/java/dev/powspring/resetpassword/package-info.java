/**
 * Password reset: a signed, single-use link mailed to the user.
 */
package dev.powspring.resetpassword;
