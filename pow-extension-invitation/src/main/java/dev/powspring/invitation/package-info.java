/**
 * Invitations: signed-in users invite others by email.
 */
package dev.powspring.invitation;
