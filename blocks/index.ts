export * from './types';
export * from './menus';
export * from './catalogue';
export * from './extension-info';
export * from './codegen';
export * from './board-url';
export * from './texts';
