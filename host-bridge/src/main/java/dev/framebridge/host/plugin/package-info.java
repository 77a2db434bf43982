/** Plugin discovery: validating plugin JARs and watching the plugins folder. */
@NullMarked
package dev.framebridge.host.plugin;

import org.jspecify.annotations.NullMarked;
