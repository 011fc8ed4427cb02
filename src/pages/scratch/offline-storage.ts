/**
 * Asset storage for the editor that works with no internet.
 *
 * A plain ScratchStorage knows no assets, so the starting sprite would show as "?". We serve the
 * GUI's own default project (the cat, its sounds, the blank backdrop) from memory with a storage
 * helper, and the Music extension's instrument samples from the editor's files on this server.
 * Anything else (library sprites) would come from scratch.mit.edu, which a classroom may not reach.
 */
import type { GuiGlobal, GuiStorage, ScratchStorage, StorageAsset, TranslatorFunction } from './gui-types';

/** Serves the default project's assets by id (the project itself is id 0, costumes and sounds their md5). */
class DefaultProjectAssets {
  private byId = new Map<string, StorageAsset>();

  constructor(
    private readonly gui: GuiGlobal,
    private readonly storage: ScratchStorage,
  ) {
    this.build();
  }

  /** The project JSON names things ("Sprite1", "costume1") in the editor's language. */
  build(translator?: TranslatorFunction): void {
    const byId = new Map<string, StorageAsset>();
    for (const asset of this.gui.buildDefaultProject(translator)) {
      const type = this.storage.AssetType[asset.assetType];
      const format = this.storage.DataFormat[asset.dataFormat];
      if (type === undefined || format === undefined) continue;
      byId.set(String(asset.id), this.storage.createAsset(type, format, asset.data, String(asset.id), false));
    }
    this.byId = byId;
  }

  // null (not a rejection) means "not mine": storage then asks its next helper quietly.
  load = (_type: unknown, assetId: string): Promise<StorageAsset> | null => {
    const asset = this.byId.get(String(assetId));
    return asset ? Promise.resolve(asset) : null;
  };
}

/** The `storage` part of the editor's config, minus saving (the page has no project server). */
export function createOfflineStorage(gui: GuiGlobal): Pick<GuiStorage, 'scratchStorage' | 'setTranslatorFunction'> {
  const scratchStorage = new gui.ScratchStorage();
  const defaults = new DefaultProjectAssets(gui, scratchStorage);
  scratchStorage.addHelper(defaults, 50);
  // The editor fetches these by a path relative to the page; the page's <base href="/"> and the
  // server's root mapping of the editor's `static/` folder make it resolve offline.
  scratchStorage.addWebStore([scratchStorage.AssetType.Sound], (asset) => `static/extension-assets/scratch3_music/${asset.assetId}.${asset.dataFormat}`);
  return {
    scratchStorage,
    // The editor calls this with its formatter before it loads the default project.
    setTranslatorFunction: (translator) => defaults.build(translator),
  };
}
