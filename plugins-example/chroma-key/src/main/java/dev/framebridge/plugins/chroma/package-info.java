/** Example plugin: Chroma key: replaces pixels near a key colour with a background colour or transparency. */
@NullMarked
package dev.framebridge.plugins.chroma;

import org.jspecify.annotations.NullMarked;
