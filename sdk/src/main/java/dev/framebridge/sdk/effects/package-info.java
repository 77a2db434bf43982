/**
 * Small, fast pixel helpers shared by effect plugins: an ARGB view over a frame's plane, colour matrices, separable
 * blur, column remapping, drawing and text for overlays, and a transform base that handles formats and copies.
 */
@NullMarked
package dev.framebridge.sdk.effects;

import org.jspecify.annotations.NullMarked;
