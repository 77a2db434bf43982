/** The Framebridge host assembly: camera, plugin chain, display sinks and HTTP server wired together. */
@NullMarked
package dev.framebridge.host;

import org.jspecify.annotations.NullMarked;
