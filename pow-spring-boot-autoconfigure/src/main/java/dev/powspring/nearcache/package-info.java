/**
 * A bounded near cache in front of a shared store: each node keeps the sessions and user
 * copies it has just read, every node hears of every change through an invalidation
 * channel (PostgreSQL {@code LISTEN}/{@code NOTIFY} or Redis pub/sub), and a node serves
 * nothing from its cache while its channel is down.
 */
package dev.powspring.nearcache;
