/**
 * Shortens text to at most `max` UTF-16 units without cutting a character written as two units
 * (emoji, rare Chinese characters) in half: half of one renders as garbage.
 */
export function cutText(text: string, max: number): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true };
}
