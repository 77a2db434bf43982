package dev.framebridge.sdk.track;

/** The specification's OverconstrainedError: a required constraint cannot be met. Names the constraint. */
public class OverconstrainedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String constraint;

  public OverconstrainedException(String constraint, String message) {
    super("constraint '" + constraint + "' cannot be satisfied: " + message);
    this.constraint = constraint;
  }

  /** The name of the constraint that failed, e.g. {@code "resizeMode"}. */
  public String getConstraint() {
    return constraint;
  }
}
