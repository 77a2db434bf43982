package dev.framebridge.sdk.track;

/** A registered listener or sink; {@link #close()} removes it. Closing twice does nothing. */
@FunctionalInterface
public interface ListenerRegistration extends AutoCloseable {
  @Override
  void close();
}
