/**
 * Pow's controllers: sign-in and sign-out, registration and the account, and the bases
 * extensions' controllers build on. Each is a bean an application may replace with a
 * subclass of its own; the mappings are inherited.
 */
package dev.powspring.web.controller;
