import { AppError, ErrorCode } from '../../errors/index.ts';

export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** Scans of certificates and forms fit well within this; a larger file is refused, not truncated. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The first bytes each type starts with, so a file is what it says it is (docs/RULES.md 14.3). */
const SIGNATURES: Record<DocumentMediaType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** Refuses an empty or oversized file, or one whose bytes are not of the type it is declared as. */
export function checkDocument(bytes: Buffer, mediaType: string, field = 'body'): DocumentMediaType {
  if (!(DOCUMENT_MEDIA_TYPES as readonly string[]).includes(mediaType))
    throw new AppError(ErrorCode.VALIDATION, `${field}: must be a PDF, JPEG or PNG file`, {
      field,
      detailCode: 'document-type',
    });
  if (bytes.length === 0)
    throw new AppError(ErrorCode.VALIDATION, `${field}: the file is empty`, {
      field,
      detailCode: 'document-empty',
    });
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw new AppError(
      ErrorCode.VALIDATION,
      `${field}: the file is larger than ${MAX_DOCUMENT_BYTES} bytes`,
      {
        field,
        detailCode: 'document-too-large',
        params: { maxBytes: MAX_DOCUMENT_BYTES },
      },
    );
  const type = mediaType as DocumentMediaType;
  if (!SIGNATURES[type].every((byte, index) => bytes[index] === byte))
    throw new AppError(ErrorCode.VALIDATION, `${field}: the file is not a ${type} file`, {
      field,
      detailCode: 'document-content-mismatch',
    });
  return type;
}
