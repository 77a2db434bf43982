/** The {@code framebridge} command line: options, plugin-folder seeding, and the live stats line. */
@NullMarked
package dev.framebridge.host.cli;

import org.jspecify.annotations.NullMarked;
