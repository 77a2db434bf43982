package dev.framebridge.sdk.transport;

import dev.framebridge.sdk.transport.channel.ChannelPublisher;

/**
 * The tag on a frame allocated straight in a publication's slot: when that frame reaches the publication it is
 * committed in place; if it is closed without being published, the slot is given back.
 */
final class SlotClaim {
  final ChannelPublisher publisher;
  final int token;
  final int width;
  final int height;
  private volatile boolean committed;

  SlotClaim(ChannelPublisher publisher, int token, int width, int height) {
    this.publisher = publisher;
    this.token = token;
    this.width = width;
    this.height = height;
  }

  void markCommitted() {
    committed = true;
  }

  boolean isCommitted() {
    return committed;
  }

  /** The frame's memory was released: abort the claim unless it was published. */
  void release() {
    if (!committed && !publisher.isClosed()) {
      publisher.abort(token);
    }
  }
}
