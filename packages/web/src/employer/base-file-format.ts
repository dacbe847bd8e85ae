/** The kinds of base file the server reads, told apart by the file's extension. */
export type BaseFileFormat = 'xlsx' | 'csv';

export function baseFileFormatOf(fileName: string): BaseFileFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}
