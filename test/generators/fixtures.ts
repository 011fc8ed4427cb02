import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Target } from '../../blocks/codegen';
import { generateFromWorkspaceJson } from '../../src/generators/headless';

export const WORKSPACES_DIR = path.join(__dirname, '..', 'fixtures', 'workspaces');
export const GOLDEN_DIR = path.join(__dirname, '..', 'golden');

/** The classroom programs, by file name without `.json`. */
export const FIXTURES = readdirSync(WORKSPACES_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''))
  .sort();

export function workspaceJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(WORKSPACES_DIR, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

export function generateFixture(name: string, target: Target): string {
  return generateFromWorkspaceJson(workspaceJson(name), target);
}

/** Replaces every text literal `from` in a workspace (for example the broker URL) before generating. */
export function withText(workspace: unknown, from: string, to: string): unknown {
  return JSON.parse(JSON.stringify(workspace), (_key, value: unknown) => (value === from ? to : value));
}
