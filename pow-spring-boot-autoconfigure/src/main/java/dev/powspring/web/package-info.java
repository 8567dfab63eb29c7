/**
 * Pow's web layer.
 */
package dev.powspring.web;
