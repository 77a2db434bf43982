/** Example plugin: Finds barcodes and QR codes with ZXing and outlines them with their decoded text. */
@NullMarked
package dev.framebridge.plugins.barcode;

import org.jspecify.annotations.NullMarked;
