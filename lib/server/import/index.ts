// Public surface of the population-data importer.
export { importFile, importFiles, orderImportFiles, listImportLogs, hashContent } from "./importer";
export type { ImportResult, ImportOutcome, ImportFileInput, ImportOptions, ImportLogEntry } from "./importer";
export { FILE_TYPE_LABELS, IMPORT_FILE_TYPES, type ImportFileType } from "./detect";
export { parseImportFile, detectFileTypeOf, type ParsedImport } from "./parse";
export { ImportRejection, type ImportIssue } from "./errors";
