/**
 * One shared-memory channel: a control page and a ring of frame slots in mapped files, written by one publisher and
 * read in place by any number of subscribers in other JVMs.
 */
@NullMarked
package dev.framebridge.sdk.transport.channel;

import org.jspecify.annotations.NullMarked;
