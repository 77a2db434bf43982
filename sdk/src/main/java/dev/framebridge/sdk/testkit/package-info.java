/**
 * The plugin author's test kit: loads a plugin JAR or class the way the host does (ServiceLoader plus validation),
 * drives its transforms with synthetic or image-file frames, and asserts on pixels, sizes, timestamps and closing.
 */
@NullMarked
package dev.framebridge.sdk.testkit;

import org.jspecify.annotations.NullMarked;
