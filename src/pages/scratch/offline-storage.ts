/**
 * Asset storage for the editor that works with no internet.
 *
 * The plain ScratchStorage knows no assets, so the starting sprite would show as "?". We serve the
 * GUI's own default project (the cat, its sounds, the blank backdrop) from memory with a storage
 * helper, and the Music extension's instrument samples from the editor's files on this server.
 * Anything else (library sprites) would come from scratch.mit.edu, which a classroom may not reach.
 */
import type { DefaultProjectAsset, GuiGlobal, ScratchStorage, StorageAsset, StorageHelper } from './gui-types';
import { GUI_SCRIPT_URL } from './load-gui-script';

const GUI_FILES = GUI_SCRIPT_URL.slice(0, GUI_SCRIPT_URL.lastIndexOf('/') + 1);

/** Serves fixed assets by id (the default project has id 0, costumes and sounds their md5). */
function memoryHelper(storage: ScratchStorage, assets: readonly DefaultProjectAsset[]): StorageHelper {
  const byId = new Map<string, StorageAsset>();
  for (const asset of assets) {
    const type = storage.AssetType[asset.assetType];
    const format = storage.DataFormat[asset.dataFormat];
    if (type === undefined || format === undefined) continue;
    byId.set(String(asset.id), storage.createAsset(type, format, asset.data, String(asset.id), false));
  }
  return {
    // null (not a rejection) means "not mine": storage then asks its next helper quietly.
    load: (_type, assetId) => {
      const asset = byId.get(String(assetId));
      return asset ? Promise.resolve(asset) : null;
    },
  };
}

export function createOfflineStorage(gui: GuiGlobal): ScratchStorage {
  const storage = new gui.ScratchStorage();
  storage.addHelper(memoryHelper(storage, gui.buildDefaultProject()), 50);
  storage.addWebStore([storage.AssetType.Sound], (asset) => `${GUI_FILES}static/extension-assets/scratch3_music/${asset.assetId}.${asset.dataFormat}`);
  return storage;
}
