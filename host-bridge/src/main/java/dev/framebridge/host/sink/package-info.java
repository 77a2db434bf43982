/** Display sinks for the program output: latest-picture stores, the Swing window, MJPEG, PNG snapshots, the web preview. */
@NullMarked
package dev.framebridge.host.sink;

import org.jspecify.annotations.NullMarked;
