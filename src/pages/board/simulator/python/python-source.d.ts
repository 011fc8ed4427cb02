/** Python files imported by the simulator are bundled as their text (webpack asset/source). */
declare module '*.py' {
  const source: string;
  export default source;
}
