/** Example plugin: Rec. 709 grayscale with a strength setting. */
@NullMarked
package dev.framebridge.plugins.gray;

import org.jspecify.annotations.NullMarked;
