/**
 * Browser fixture for page tests: headless Debian {@code chromium} driven over the Chrome DevTools
 * Protocol ({@link io.ganglion.testkit.browser.HeadlessChromium}). JDK HTTP/WebSocket client only.
 */
package io.ganglion.testkit.browser;
