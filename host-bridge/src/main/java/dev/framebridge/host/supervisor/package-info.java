/** Supervision of plugin worker JVMs: heartbeats, deadlines, restart with backoff, quarantine. */
@NullMarked
package dev.framebridge.host.supervisor;

import org.jspecify.annotations.NullMarked;
