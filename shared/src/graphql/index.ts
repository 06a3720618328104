export {
  FingerprintDocument,
  ModuleSlugsDocument,
  ModuleStampsDocument,
  ModulesByIdDocument,
  PageStampsDocument,
  PagesByIdDocument,
  PagesWithParentsDocument,
  PreviewModuleContentDocument,
  PreviewPageModuleDocument,
  PreviewSectionModuleDocument,
  PublishedPageIdsDocument,
  ReleaseSectionsDocument,
  SectionStampsDocument,
  SectionsByIdDocument,
} from './generated/graphql.js';
export type {
  FingerprintQuery,
  ModuleFieldsFragment,
  ModuleSlugsQuery,
  PageFieldsFragment,
  PagesByIdQuery,
  SectionFieldsFragment,
} from './generated/graphql.js';
