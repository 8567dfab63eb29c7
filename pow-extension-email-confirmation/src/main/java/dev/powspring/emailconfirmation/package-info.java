/**
 * Email confirmation: new and changed email addresses are confirmed through a mailed link.
 */
package dev.powspring.emailconfirmation;
