/**
 * Waiting for the mails a test causes, wherever they arrive: a real in-process SMTP
 * server or Pow's development mailbox.
 */
package dev.powspring.test.mail;
