/**
 * Tracks across JVMs over shared memory: publish a local {@code MediaStreamTrack} into a channel, get a short
 * {@link dev.framebridge.sdk.transport.TrackHandle}, open it in another JVM as a live track.
 *
 * <p>A host makes a {@link dev.framebridge.sdk.transport.SharedMemoryTransport} (its instance directory under
 * /dev/shm), publishes its camera track and pre-creates each worker's output channel; a worker attaches with the
 * handles it was given, opens its input and publishes its generator's track into the output channel. Frames cross
 * without copies where possible: a frame allocated from {@link dev.framebridge.sdk.transport.TrackPublication#getAllocator()}
 * is written once in its slot and committed in place, a frame read from a channel is a read-only view of its slot, and
 * a frame passed on unchanged is published as a reference to the slot it came from. The byte layouts live in
 * {@link dev.framebridge.sdk.transport.channel}.
 *
 * <p>Overwrite policy: a publisher never waits. It skips slots that readers hold (a lease, honoured for
 * {@link dev.framebridge.sdk.transport.channel.SlotDescriptor#LEASE_TIMEOUT_NS}) and otherwise reuses the oldest; a
 * reader validates each slot's sequence before and after reading its header, so a torn or overwritten frame is
 * dropped and counted, never delivered. A reader holds at most {@code slots / 2 - 1} frames at once and skips newer
 * frames while its consumers hold that many, so a slow consumer loses the oldest frames instead of seeing them change.
 */
@NullMarked
package dev.framebridge.sdk.transport;

import org.jspecify.annotations.NullMarked;
