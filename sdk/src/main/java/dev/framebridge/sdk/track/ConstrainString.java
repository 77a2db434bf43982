package dev.framebridge.sdk.track;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A constraint on a string property (ConstrainDOMString): {@code exact} is required, {@code ideal} a preference; an
 * ideal value the track does not support is ignored. Immutable.
 */
public final class ConstrainString {
  private final @Nullable String exact;
  private final @Nullable String ideal;

  private ConstrainString(@Nullable String exact, @Nullable String ideal) {
    this.exact = exact;
    this.ideal = ideal;
  }

  public static ConstrainString exact(String value) {
    return new ConstrainString(value, null);
  }

  /** The bare value of the specification ({@code {resizeMode: "none"}}): a preference. */
  public static ConstrainString ideal(String value) {
    return new ConstrainString(null, value);
  }

  public static ConstrainString of(@Nullable String exact, @Nullable String ideal) {
    return new ConstrainString(exact, ideal);
  }

  public @Nullable String getExact() {
    return exact;
  }

  public @Nullable String getIdeal() {
    return ideal;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstrainString && Objects.equals(exact, ((ConstrainString) o).exact)
        && Objects.equals(ideal, ((ConstrainString) o).ideal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(exact, ideal);
  }

  @Override
  public String toString() {
    return "{exact=" + exact + ", ideal=" + ideal + "}";
  }
}
