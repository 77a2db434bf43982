/** Generates a new plugin project (Java or Kotlin): provider, transform, settings, a test-kit test, a drop-in build. */
@NullMarked
package dev.framebridge.sdk.template;

import org.jspecify.annotations.NullMarked;
