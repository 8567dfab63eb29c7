/**
 * The {@code pow} Actuator endpoint: the store, live sessions and weak settings, and a
 * user's signed-in devices, listed and ended.
 */
package dev.powspring.actuate;
