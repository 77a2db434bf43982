/** The per-user, per-host-instance directory that holds a host's shared-memory files, and reclaiming dead hosts' ones. */
@NullMarked
package dev.framebridge.sdk.transport.instance;

import org.jspecify.annotations.NullMarked;
