package dev.framebridge.plugins.vignette

import dev.framebridge.sdk.effects.Argb
import dev.framebridge.sdk.testkit.FrameAssertions.assertPixel
import dev.framebridge.sdk.testkit.FrameAssertions.assertTimestamp
import dev.framebridge.sdk.testkit.PluginHarness
import dev.framebridge.sdk.testkit.TestFrames
import dev.framebridge.spi.media.VideoPixelFormat
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Test

/** JUnit 5 in Kotlin: the test kit reads the same as in Spock. */
class VignettePluginTest {
    private val grey = Argb.rgb(0xC8C8C8)

    @Test
    fun `the centre is untouched and the corners fade by the strength`() {
        PluginHarness.of(VignettePlugin::class.java).use { plugin ->
            val out = plugin.video(mapOf("strength" to 0.5)).process(
                TestFrames.solid(VideoPixelFormat.RGBA, 64, 48, grey, 33_000),
            )
            assertPixel(out, 32, 24, grey)
            // d ~ 1 at the corner: 200 * (1 - 0.5) = 100.
            assertPixel(out, 0, 0, Argb.rgb(0x646464), 1)
            assertPixel(out, 63, 47, Argb.rgb(0x646464), 1)
            assertTimestamp(out, 33_000)
        }
    }

    @Test
    fun `the edge colour is a setting`() {
        PluginHarness.of(VignettePlugin::class.java).use { plugin ->
            val out = plugin.video(mapOf("strength" to 1.0, "tint" to "#FF0000")).process(
                TestFrames.solid(VideoPixelFormat.BGRX, 64, 48, grey, 0),
            )
            assertPixel(out, 0, 0, Argb.rgb(0xFF0000), 3)
            assertPixel(out, 32, 24, grey)
        }
    }

    @Test
    fun `strength 0 passes the frame through without a copy`() {
        PluginHarness.of(VignettePlugin::class.java).use { plugin ->
            val input = TestFrames.pattern(VideoPixelFormat.RGBA, 16, 16, 0)
            assertSame(input, plugin.video(mapOf("strength" to 0.0)).process(input))
        }
    }

    @Test
    fun `settings arrive as Kotlin properties`() {
        val transform = VignetteTransform(VignettePlugin().settingsSchema.defaults)
        assertEquals(0.6, transform.strength, 1e-9)
        assertEquals(0.5, transform.radius, 1e-9)
    }
}
