/**
 * Reading the mails that reached a real in-process SMTP server.
 */
package dev.powspring.test.mail;
