/**
 * JDBC plumbing shared by realms and tenants.
 */
package dev.powspring.jdbc;
