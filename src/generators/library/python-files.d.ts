// webpack bundles the library's .py files as text (asset/source in webpack.config.js).
declare module '*.py' {
  const text: string;
  export default text;
}
