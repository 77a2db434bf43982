/**
 * Audio tracks in the host: capture sources (microphone, synthetic tone), sinks (system output, WAV recorder), the
 * level meter served to the web preview, and the pipeline wiring source to plugin chain to sinks.
 */
@NullMarked
package dev.framebridge.host.audio;

import org.jspecify.annotations.NullMarked;
