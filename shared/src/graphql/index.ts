export {
  FingerprintDocument,
  ModuleSlugsDocument,
  ModuleStampsDocument,
  ModulesByIdDocument,
  PageStampsDocument,
  PagesByIdDocument,
  PagesWithParentsDocument,
  PublishedPageIdsDocument,
  ReleaseSectionsDocument,
  SectionStampsDocument,
  SectionsByIdDocument,
} from './generated/graphql.js';
export type { FingerprintQuery, ModuleSlugsQuery, PagesByIdQuery } from './generated/graphql.js';
