/** Example plugin: Audio gain in decibels with a peak/RMS level meter. */
@NullMarked
package dev.framebridge.plugins.gain;

import org.jspecify.annotations.NullMarked;
