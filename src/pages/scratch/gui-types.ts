/**
 * The slice of `@scratch/scratch-gui-standalone`'s UMD global `GUI` (and of the scratch-vm inside it)
 * that this page uses, typed by hand: the package is loaded by a <script> tag at run time, not
 * bundled, so there is nothing to import types from.
 */
import type { ScratchRuntime } from '../../scratch/scratch-types';

/** scratch-storage's enum-like descriptors (`storage.AssetType.Sound` and so on). */
export interface AssetKind {
  readonly name: string;
}

export interface StorageAsset {
  readonly assetId: string;
  readonly dataFormat: string;
}

/** A storage helper: answers `load` from its own source, or returns null to let the next one try. */
export interface StorageHelper {
  load(assetType: AssetKind, assetId: string, dataFormat: string): Promise<StorageAsset | null> | null;
}

export interface ScratchStorage {
  readonly AssetType: Record<'Project' | 'ImageVector' | 'ImageBitmap' | 'Sound', AssetKind> & Record<string, AssetKind>;
  readonly DataFormat: Record<string, string>;
  createAsset(assetType: AssetKind, dataFormat: string, data: Uint8Array | string, id: string, generateId: boolean): StorageAsset;
  addHelper(helper: StorageHelper, priority?: number): void;
  addWebStore(types: AssetKind[], getUrl: (asset: StorageAsset) => string): void;
}

/** One entry of `GUI.buildDefaultProject()`: the project JSON (id 0) and its costumes and sounds. */
export interface DefaultProjectAsset {
  readonly id: string | number;
  readonly assetType: string;
  readonly dataFormat: string;
  readonly data: string | Uint8Array;
}

export interface ExtensionManager {
  _registerInternalExtension(extension: object): string;
  readonly _loadedExtensions: Map<string, string>;
  isExtensionLoaded(id: string): boolean;
}

export interface ScratchVm {
  readonly runtime: ScratchRuntime;
  readonly extensionManager: ExtensionManager;
  getLocale(): string;
  loadProject(project: object | string | ArrayBuffer): Promise<void>;
  /** The project as an .sb3's project.json text. */
  toJSON(): string;
}

/** The editor's message formatter (react-intl's formatMessage), for names like "Sprite1". */
export type TranslatorFunction = (message: { id: string; defaultMessage: string }, values?: { index: number }) => string;

export interface GuiStorage {
  scratchStorage: ScratchStorage;
  saveProject(projectId: unknown, vmState: string, params: object): Promise<{ id: string | number }>;
  setTranslatorFunction?(translator: TranslatorFunction): void;
}

export interface GuiStorageConfig {
  storage: GuiStorage;
}

export interface EditorState {
  readonly store: { getState(): { scratchGui: { vm: ScratchVm; projectTitle?: string } } };
}

export interface GuiGlobal {
  EditorState: new (params: { locale?: string }, configFactory: () => GuiStorageConfig) => EditorState;
  ScratchStorage: new () => ScratchStorage;
  buildDefaultProject(translator?: TranslatorFunction): DefaultProjectAsset[];
  createStandaloneRoot(state: EditorState, container: HTMLElement): { render(props: object): void; unmount(): void };
  setAppElement(element: HTMLElement): void;
}
