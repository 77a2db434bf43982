/** Example plugin: A box or Gaussian blur with a radius setting, by running sums. */
@NullMarked
package dev.framebridge.plugins.blur;

import org.jspecify.annotations.NullMarked;
