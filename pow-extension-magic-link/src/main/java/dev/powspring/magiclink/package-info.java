/**
 * Magic links: password-less sign-in through a signed, single-use link mailed to the
 * user. Opening the link shows a page; only its form's POST signs in.
 */
package dev.powspring.magiclink;
