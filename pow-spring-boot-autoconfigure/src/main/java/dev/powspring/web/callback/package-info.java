/**
 * The controller-callback chain through which extensions take part in Pow's actions.
 */
package dev.powspring.web.callback;
