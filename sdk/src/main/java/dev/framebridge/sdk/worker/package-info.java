/** The plugin worker JVM: its entry point, the host-worker control protocol, and the launcher that starts it. */
@NullMarked
package dev.framebridge.sdk.worker;

import org.jspecify.annotations.NullMarked;
