/** MQTT strings (topics, usernames, passwords, the will's message) carry a 2-byte length prefix. */
export const MAX_MQTT_STRING_BYTES = 65535;

const utf8 = new TextEncoder();

/** True when `text` encoded as UTF-8 does not fit an MQTT string. */
export function exceedsMqttStringLimit(text: string): boolean {
  // At most 3 bytes per UTF-16 unit: only text that could be too long pays for encoding.
  return text.length > MAX_MQTT_STRING_BYTES / 3 && utf8.encode(text).length > MAX_MQTT_STRING_BYTES;
}
