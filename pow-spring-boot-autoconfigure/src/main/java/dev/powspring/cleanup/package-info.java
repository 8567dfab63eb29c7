/**
 * Background clean-up that deletes in bounded batches at a fixed interval: expired store
 * entries, audit events past their retention.
 */
package dev.powspring.cleanup;
