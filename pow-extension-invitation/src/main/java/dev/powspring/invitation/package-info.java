/**
 * Invitations: a signed-in user invites someone by email; the invited user chooses a
 * password through a signed link and is signed in.
 */
package dev.powspring.invitation;
