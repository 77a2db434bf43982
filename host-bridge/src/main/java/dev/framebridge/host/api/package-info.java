/** The JSON status and control API of the plugin chain, served over local HTTP. */
@NullMarked
package dev.framebridge.host.api;

import org.jspecify.annotations.NullMarked;
