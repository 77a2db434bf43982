/** Example plugin: the sepia tone and horizontal mirror of the seeds' VideoTrackGenerator example. */
@NullMarked
package dev.framebridge.plugins.sepia;

import org.jspecify.annotations.NullMarked;
