package dev.powspring.admin;

import java.util.List;

/**
 * A page of the console's user list.
 *
 * @param users the users on it
 * @param next where the next page starts, or {@code null} on the last page
 */
public record AdminUserPage(List<AdminUser> users, AdminUserQuery.Cursor next) {

}
