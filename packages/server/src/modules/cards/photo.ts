import { AppError, ErrorCode } from '../../errors/index.ts';

/** The largest photo taken: a card photo is a small head-and-shoulders picture (docs/RULES.md 18.3). */
export const PHOTO_MAX_BYTES = 1_048_576;
/** Smaller than this is no picture a card bank could print. */
export const PHOTO_MIN_BYTES = 64;

/**
 * The photo's type read from its first bytes, never from what the sender says it is: JPEG starts FF D8 FF,
 * PNG with its eight-byte signature. Anything else, or a size out of bounds, is refused naming the field.
 */
export function checkPhoto(bytes: Buffer, field: string): 'image/jpeg' | 'image/png' {
  const refuse = (reason: string) =>
    new AppError(ErrorCode.VALIDATION, `${field}: ${reason}`, { field, detailCode: 'card-photo' });
  if (bytes.length < PHOTO_MIN_BYTES)
    throw refuse(`the photo has ${bytes.length} bytes, too few for a picture`);
  if (bytes.length > PHOTO_MAX_BYTES)
    throw refuse(`the photo has ${bytes.length} bytes; at most ${PHOTO_MAX_BYTES} are taken`);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  throw refuse('the photo must be a JPEG or PNG image');
}

/** Decodes base64 photo text; malformed text is refused naming the field. */
export function decodePhoto(text: string, field: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text))
    throw new AppError(ErrorCode.VALIDATION, `${field}: the photo must be sent as base64`, {
      field,
      detailCode: 'card-photo',
    });
  return Buffer.from(text, 'base64');
}
