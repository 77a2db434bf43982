package dev.framebridge.plugins.vignette

import dev.framebridge.spi.FramebridgePlugin
import dev.framebridge.spi.SpiVersion
import dev.framebridge.spi.media.VideoFrame
import dev.framebridge.spi.settings.Settings
import dev.framebridge.spi.settings.SettingsSchema
import dev.framebridge.spi.transform.FrameTransform

/** Darkens (or tints) the picture towards its corners, like an old lens. */
class VignettePlugin : FramebridgePlugin {
    override fun getId() = ID
    override fun getVersion() = "1.0.0"
    override fun getSpiVersion(): SpiVersion = SpiVersion.of(1, 0)
    override fun getDisplayName() = "Vignette (Kotlin)"
    override fun getDescription() = "Darkens the picture towards its corners, like an old lens."

    override fun getSettingsSchema(): SettingsSchema = SettingsSchema.builder()
        .number("strength", "Strength", 0.6, 0.0, 1.0, 0.05)
        .number("radius", "Clear radius", 0.5, 0.0, 1.0, 0.05)
        .color("tint", "Edge colour", 0x000000)
        .build()

    override fun createVideoTransform(settings: Settings): FrameTransform<VideoFrame> = VignetteTransform(settings)

    companion object {
        const val ID = "vignette"
    }
}
