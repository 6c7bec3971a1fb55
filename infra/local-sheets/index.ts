export type { Fault, FaultPlan } from './faults.ts';
export { DEFAULT_FAULT_KINDS } from './faults.ts';
export type { LocalSheetsServer, LocalSheetsServerOptions, LogEntry, TabSnapshot } from './server.ts';
export { startLocalSheetsServer } from './server.ts';
