/** The reference implementation of every metric in metrics.md. See DECISIONS.md. */
export * from './records';
export * from './figure';
export * from './scope';
export * from './workforce';
export * from './turnover';
export * from './absence';
export * from './supervision';
export * from './cost';
export * from './suppression';
export * from './overview';
export * from './comparison';
