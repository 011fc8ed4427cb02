/** The classroom loader's Python source, bundled as text (webpack asset/source) for the page's USB install. */
import source from '../../../ota/classroom_loader.py';

export const LOADER_SOURCE: string = source;
