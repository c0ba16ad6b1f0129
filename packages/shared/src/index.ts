export * from './enums';
export * from './dates';
export * from './metrics';
export * from './csv';
