/** Programs to upload in tests and benchmarks. */

/** A program of about `bytes` bytes (UTF-8) with Chinese strings, quotes, backslashes and tabs. */
export function chineseProgram(bytes: number, marker = 'new program'): string {
  const lines = [`print('${marker} 你好，世界')`];
  let size = Buffer.byteLength(lines[0]);
  for (let i = 0; size < bytes - 40; i++) {
    const more = [`# 第 ${i} 行: "引号" 'quote' \\ backslash \t tab`, `message_${i} = '温度 ${i}°C \\n 湿度'`];
    lines.push(...more);
    size += Buffer.byteLength(more.join('\n')) + 2;
  }
  return `${lines.join('\n')}\n`;
}
