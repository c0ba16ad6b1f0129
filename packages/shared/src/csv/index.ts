export * from './columns';
export * from './cells';
export * from './report';
export * from './template';
