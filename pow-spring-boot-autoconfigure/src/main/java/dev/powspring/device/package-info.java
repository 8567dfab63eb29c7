/**
 * The devices a user is signed in on: browser sessions, remembered devices and API
 * tokens, listed from each kind's {@link dev.powspring.device.PowDeviceSource} and ended
 * one at a time, all but the current one, or all.
 */
package dev.powspring.device;
