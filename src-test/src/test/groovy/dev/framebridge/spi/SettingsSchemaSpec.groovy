package dev.framebridge.spi

import dev.framebridge.spi.settings.SettingType
import dev.framebridge.spi.settings.SettingsSchema
import spock.lang.Specification

class SettingsSchemaSpec extends Specification {

  def schema = SettingsSchema.builder()
      .number("radius", "Radius", 4, 0, 32, 1)
      .bool("mirror", "Mirror", true)
      .choice("mode", "Mode", "soft", ["soft", "hard"])
      .color("key", "Key colour", 0x00FF00)
      .text("label", "Label", "hi")
      .build()

  def "defaults hold every field with its type"() {
    when:
    def d = schema.defaults

    then:
    d.getDouble("radius") == 4.0d
    d.getBoolean("mirror")
    d.getString("mode") == "soft"
    d.getColor("key") == 0x00FF00
    d.getString("label") == "hi"
    schema.fields*.type == [SettingType.NUMBER, SettingType.BOOLEAN, SettingType.CHOICE, SettingType.COLOR, SettingType.TEXT]
  }

  def "resolve coerces raw values and fills defaults"() {
    when:
    def s = schema.resolve([radius: "8", key: "#FF0000", mirror: "false"])

    then:
    s.getInt("radius") == 8
    s.getColor("key") == 0xFF0000
    !s.getBoolean("mirror")
    s.getString("mode") == "soft"
  }

  def "resolve rejects #raw with a message naming the key"() {
    when:
    schema.resolve(raw)

    then:
    def e = thrown(IllegalArgumentException)
    e.message.contains(key)

    where:
    raw                | key
    [radius: 99]       | "radius"
    [mode: "medium"]   | "mode"
    [key: "#12"]       | "key"
    [nope: 1]          | "nope"
  }

  def "duplicate keys are refused"() {
    when:
    SettingsSchema.builder().bool("a", "A", true).text("a", "A", "").build()

    then:
    thrown(IllegalArgumentException)
  }

  def "the running SPI version is read at run time and accepts older minors only"() {
    expect:
    SpiVersion.current() == SpiVersion.of(1, 0)
    SpiVersion.of(1, 0).isSupportedBy(SpiVersion.current())
    !SpiVersion.of(1, 1).isSupportedBy(SpiVersion.current())
    !SpiVersion.of(2, 0).isSupportedBy(SpiVersion.current())
    SpiVersion.parse("1.0") == SpiVersion.of(1, 0)
  }
}
