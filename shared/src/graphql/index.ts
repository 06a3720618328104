export {
  FingerprintDocument,
  ModuleSlugsDocument,
  ModuleStampsDocument,
  ModulesByIdDocument,
  PageStampsDocument,
  PagesByIdDocument,
  SectionStampsDocument,
  SectionsByIdDocument,
} from './generated/graphql.js';
export type { FingerprintQuery, ModuleSlugsQuery } from './generated/graphql.js';
