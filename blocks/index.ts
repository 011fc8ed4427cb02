export * from './types';
export * from './menus';
export * from './catalogue';
export * from './extension-info';
