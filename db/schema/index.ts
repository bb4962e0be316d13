export * from './org';
export * from './instances';
export * from './uploads';
export * from './messages';
export * from './idempotency';
