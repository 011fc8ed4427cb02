export { blockJson, type BlockJson } from './block-json';
export { boardBlockJson, registerBoardBlocks } from './register';
export { boardToolbox, toolboxBlock, type Toolbox } from './toolbox';
export { setBoardLocale, BLOCKLY_MESSAGE_MODULE, type BlocklyMessages } from './locale';
