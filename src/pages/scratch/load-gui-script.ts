/**
 * Loads the prebuilt editor bundle (17 MB) with a <script> tag. It is not bundled with our page
 * code: webpack would have to re-process it on every build, and the server already has the file.
 */
import type { GuiGlobal } from './gui-types';

export const GUI_SCRIPT_URL = '/vendor/scratch-gui/scratch-gui-standalone.js';

export function loadGuiScript(timeoutMs = 60000): Promise<GuiGlobal> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const timer = setTimeout(() => reject(new Error(`the editor did not load within ${timeoutMs / 1000} s`)), timeoutMs);
    script.src = GUI_SCRIPT_URL;
    script.onload = () => {
      clearTimeout(timer);
      const gui = (window as unknown as { GUI?: GuiGlobal }).GUI;
      if (gui && typeof gui.createStandaloneRoot === 'function') resolve(gui);
      else reject(new Error('the editor script loaded but defined no GUI'));
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(new Error(`could not load ${GUI_SCRIPT_URL}`));
    };
    document.head.appendChild(script);
  });
}
