/**
 * The admin console: a page for users with the admin role to find users and look after
 * them (lock, unlock, roles, sessions, confirmation, deletion), each action published as
 * an {@link dev.powspring.admin.AdminActionEvent}.
 */
package dev.powspring.admin;
