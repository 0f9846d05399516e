export * from './organisation';
export * from './users';
export * from './clients';
export * from './cases';
export * from './journal';
export * from './audit';
export * from './assessments';
export * from './plans';
