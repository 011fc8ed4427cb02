/** Loads a package through Node's own loader (see native-require.js). */
export function nativeRequire(request: string): unknown;
