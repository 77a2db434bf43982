/** The transport benchmark behind {@code bench/transport.sh}: one JSON line of latency and cost per scenario. */
@NullMarked
package dev.framebridge.sdk.transport.bench;

import org.jspecify.annotations.NullMarked;
