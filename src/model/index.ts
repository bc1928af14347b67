export * from './answer';
export * from './paper';
export * from './parseIssue';
export * from './source';
export * from './person';
export * from './identity';
