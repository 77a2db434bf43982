/** The ordered plugin chain: slots, frame routing between them, hot swap, and its persisted order/settings. */
@NullMarked
package dev.framebridge.host.chain;

import org.jspecify.annotations.NullMarked;
