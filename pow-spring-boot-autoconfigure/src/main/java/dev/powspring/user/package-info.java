/**
 * Users: the mapped superclass, the users service and its validation.
 */
package dev.powspring.user;
