/** The TransformStream-shaped contract of a plugin's per-frame logic. */
@NullMarked
package dev.framebridge.spi.transform;

import org.jspecify.annotations.NullMarked;
