/** A small "broadcast" icon (white waves on MQTT purple) for the category and the blocks. */
export const MQTT_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">' +
  '<circle cx="20" cy="20" r="19" fill="#7A3DB8" stroke="#53228A" stroke-width="2"/>' +
  '<circle cx="12" cy="28" r="3" fill="#fff"/>' +
  '<path d="M11 19a10 10 0 0 1 10 10M11 12a17 17 0 0 1 17 17" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round"/>' +
  '</svg>';

export const MQTT_ICON_URI = `data:image/svg+xml;base64,${base64(MQTT_ICON_SVG)}`;

function base64(text: string): string {
  // btoa exists in browsers and Node ≥ 16; the SVG is ASCII.
  return globalThis.btoa(text);
}
