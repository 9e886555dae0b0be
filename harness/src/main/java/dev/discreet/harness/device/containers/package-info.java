/**
 * Devices in Docker containers, for users who have Docker: an Android emulator with Appium
 * ({@link dev.discreet.harness.device.containers.AndroidEmulatorContainer}) and a Selenium Grid standalone with
 * Chromium ({@link dev.discreet.harness.device.containers.GridContainer}), started with Testcontainers. Each hands
 * the run a server URL and the {@link dev.discreet.harness.device.android.UrlMapping} under which the browser or
 * emulator inside reaches the harness's mock apps on this machine. Testcontainers is an optional dependency of the
 * harness: add {@code org.testcontainers:testcontainers} to use this package. Not run in this repository's CI (no
 * Docker engine there; the tests skip).
 */
package dev.discreet.harness.device.containers;
