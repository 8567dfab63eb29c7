/**
 * Mail: the {@link dev.powspring.mail.PowMailer} SPI, Thymeleaf mail templates, delivery
 * that is asynchronous and limited per recipient, and requests for a link mailed to an
 * account's address.
 */
package dev.powspring.mail;
