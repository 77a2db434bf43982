/** The plugin contract: the provider a plugin registers with ServiceLoader, and the SPI version it states. */
@NullMarked
package dev.framebridge.spi;

import org.jspecify.annotations.NullMarked;
