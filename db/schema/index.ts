export * from './org';
export * from './instances';
export * from './uploads';
export * from './messages';
export * from './calendar';
export * from './integrations';
export * from './catalog';
export * from './mailbox';
