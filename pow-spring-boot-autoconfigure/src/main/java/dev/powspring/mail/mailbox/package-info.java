/**
 * A development mailbox: mails are kept in memory and listed on a page instead of being
 * sent. For development only; off unless {@code pow.mailbox.enabled=true}.
 */
package dev.powspring.mail.mailbox;
