import { describe, expect, it } from 'vitest';
import { fitsMask, photoProblem, PHOTO_MAX_BYTES } from './card-checks.ts';

describe('the card forms’ own checks (docs/RULES.md 18.3)', () => {
  it('takes a JPEG or PNG of at most 1 MiB, and leaves a typeless file to the server', () => {
    expect(photoProblem(undefined)).toBe('required');
    expect(photoProblem({ type: 'image/gif', size: 100 })).toBe('wrongType');
    expect(photoProblem({ type: 'image/png', size: PHOTO_MAX_BYTES + 1 })).toBe('tooLarge');
    expect(photoProblem({ type: 'image/jpeg', size: PHOTO_MAX_BYTES })).toBeNull();
    expect(photoProblem({ type: '', size: 100 })).toBeNull();
  });

  it('matches a typed identity number against the masked one, check character in either case', () => {
    expect(fitsMask('11010519491231002x', '110105********002X')).toBe(true);
    expect(fitsMask(' 110105194912310021 ', '110105********0021')).toBe(true);
    expect(fitsMask('110105194912310022', '110105********0021')).toBe(false);
    expect(fitsMask('11010519491231002', '110105********0021')).toBe(false);
  });
});
