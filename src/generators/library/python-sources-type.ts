/** The three Python files the libraries are made of: the shared helpers and one client per target. */
export interface PythonSources {
  readonly common: string;
  readonly micropython: string;
  readonly python: string;
}
