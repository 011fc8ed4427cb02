import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the prebuilt Scratch 3 editor (`@scratch/scratch-gui-standalone`'s `dist/`) lives.
 *
 * It is not an npm dependency: installing the package pulls ~430 build-time packages (~900 MB)
 * that a prebuilt bundle never uses. `npm run setup:scratch-editor` unpacks only the package's
 * own `dist/` into `vendor/scratch-gui/`. A copy installed the ordinary way in node_modules is
 * accepted too, so either route works.
 */
export const SCRATCH_GUI_PACKAGE = '@scratch/scratch-gui-standalone';
export const SCRATCH_GUI_VERSION = '15.1.1';
/** The registry's sha512 of the 15.1.1 tarball: the setup step refuses anything else. */
export const SCRATCH_GUI_INTEGRITY =
  'sha512-PJu+9HlhtETpKeVvIAVA7GTcbemBcLrXEe35GP4dnET2/AKP9riAAUAd0aP5jsddIGA2PzHyHjWihHMe3Ix7vw==';
/** The UMD bundle (global `GUI`) whose presence means the editor is usable. */
export const SCRATCH_GUI_BUNDLE = 'scratch-gui-standalone.js';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export function vendorScratchGuiDir(projectRoot: string = PROJECT_ROOT): string {
  return path.join(projectRoot, 'vendor', 'scratch-gui', 'dist');
}

/** The folder holding the editor bundle, or null when it was never set up. */
export function findScratchGuiDir(projectRoot: string = PROJECT_ROOT): string | null {
  const candidates = [
    vendorScratchGuiDir(projectRoot),
    path.join(projectRoot, 'node_modules', '@scratch', 'scratch-gui-standalone', 'dist'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, SCRATCH_GUI_BUNDLE))) ?? null;
}
