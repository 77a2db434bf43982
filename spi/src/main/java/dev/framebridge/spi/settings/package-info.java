/** A plugin's settings: a typed schema with defaults, and the immutable values the host hands in. */
@NullMarked
package dev.framebridge.spi.settings;

import org.jspecify.annotations.NullMarked;
