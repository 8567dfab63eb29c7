/**
 * Mail: the {@link dev.powspring.mail.PowMailer} SPI, Thymeleaf mail templates, and
 * delivery that is asynchronous and limited per recipient.
 */
package dev.powspring.mail;
