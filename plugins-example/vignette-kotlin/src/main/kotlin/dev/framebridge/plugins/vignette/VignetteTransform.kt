package dev.framebridge.plugins.vignette

import dev.framebridge.sdk.effects.Argb
import dev.framebridge.sdk.effects.PixelTransform
import dev.framebridge.sdk.effects.RgbaImage
import dev.framebridge.spi.settings.Settings
import kotlin.math.sqrt

/**
 * Weights every pixel by its distance from the centre (0 at the centre, 1 at the corners): kept fully inside
 * [radius], faded towards [tint] by up to [strength] with a smoothstep beyond it. The weights (0..256) are computed
 * once per frame size and settings, so a frame costs a multiply-add per channel.
 */
class VignetteTransform(settings: Settings) : PixelTransform(VignettePlugin.ID) {
    var strength = 0.0
        private set
    var radius = 0.0
        private set
    var tint = 0
        private set

    private var weights = IntArray(0)
    private var weightsSize = 0 to 0
    private var row = IntArray(0)

    init {
        onSettingsChanged(settings)
    }

    override fun onSettingsChanged(settings: Settings) {
        strength = settings.getDouble("strength")
        radius = settings.getDouble("radius")
        tint = Argb.rgb(settings.getColor("tint"))
        weightsSize = 0 to 0
    }

    override fun isActive() = strength > 0.0

    override fun apply(image: RgbaImage, timestampUs: Long) {
        val w = image.width
        val h = image.height
        if (weightsSize != w to h) computeWeights(w, h)
        if (row.size < w) row = IntArray(w)
        val tr = Argb.red(tint)
        val tg = Argb.green(tint)
        val tb = Argb.blue(tint)
        for (y in 0 until h) {
            image.readRow(y, row)
            val base = y * w
            for (x in 0 until w) {
                val k = weights[base + x]
                if (k == 256) continue
                val p = row[x]
                val r = tr + (((Argb.red(p) - tr) * k) shr 8)
                val g = tg + (((Argb.green(p) - tg) * k) shr 8)
                val b = tb + (((Argb.blue(p) - tb) * k) shr 8)
                row[x] = (p and 0xFF000000.toInt()) or (r shl 16) or (g shl 8) or b
            }
            image.writeRow(y, row)
        }
    }

    private fun computeWeights(w: Int, h: Int) {
        if (weights.size < w * h) weights = IntArray(w * h)
        val edge = 1.0 - radius
        for (y in 0 until h) {
            val dy = (y + 0.5) / h * 2 - 1
            for (x in 0 until w) {
                val dx = (x + 0.5) / w * 2 - 1
                val d = sqrt((dx * dx + dy * dy) / 2)
                val t = if (edge <= 0.0) (if (d > radius) 1.0 else 0.0) else ((d - radius) / edge).coerceIn(0.0, 1.0)
                val fade = strength * t * t * (3 - 2 * t)
                weights[y * w + x] = Math.round((1 - fade) * 256).toInt()
            }
        }
        weightsSize = w to h
    }
}
