/** Numbers and times as the dashboard shows them, the same in both languages. */

const VALUE_FORMAT = new Intl.NumberFormat('en', { maximumFractionDigits: 3, useGrouping: false });

/** `21.5`, `0.333`, `1e+21` stays readable: at most three decimals, no thousands separators. */
export function formatValue(value: number): string {
  return Math.abs(value) >= 1e15 ? value.toPrecision(6) : VALUE_FORMAT.format(value);
}

export function formatRate(perSecond: number): string {
  return perSecond >= 10 ? String(Math.round(perSecond)) : perSecond.toFixed(1);
}

const two = (n: number): string => String(n).padStart(2, '0');

/** HH:MM:SS in the computer's time zone. */
export function clockTime(ms: number): string {
  const date = new Date(ms);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}
