/** The host's small HTTP server on 127.0.0.1: routes by path prefix, JSON and text responses. */
@NullMarked
package dev.framebridge.host.http;

import org.jspecify.annotations.NullMarked;
