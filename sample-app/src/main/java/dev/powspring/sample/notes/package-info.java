/**
 * The sample's protected area: each user's notes.
 */
package dev.powspring.sample.notes;
