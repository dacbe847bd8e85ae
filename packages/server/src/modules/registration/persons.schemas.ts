import { maskResidentId } from '@shebao/domain';
import { z } from 'zod';
import { pageQuery } from '../../http/pagination.ts';
import { idText, regionCodeText } from '../../http/shared.schemas.ts';
import { employment, person, searchText } from './records.schemas.ts';
import { registerPersonInput } from './registration.schemas.ts';

/** Shapes of the person routes; the records themselves are in records.schemas.ts. */

export const registerPersonBody = registerPersonInput.strict();

export const listPersonsQuery = z.strictObject({ regionCode: regionCodeText, q: searchText, ...pageQuery });

export const personParams = z.strictObject({ personId: idText });

/** A person in a list: enough to tell people apart, the identity number masked (docs/RULES.md 9.5). */
export const personListItem = person
  .pick({
    id: true,
    name: true,
    sex: true,
    birthDate: true,
    category: true,
    regionCode: true,
    registeredOn: true,
  })
  .extend({ idNumberMasked: z.string() });

export function toPersonListItem(row: z.infer<typeof person>): z.infer<typeof personListItem> {
  const { id, name, sex, birthDate, category, regionCode, registeredOn } = row;
  return {
    id,
    name,
    sex,
    birthDate,
    category,
    regionCode,
    registeredOn,
    idNumberMasked: maskResidentId(row.idNumber),
  };
}

export const personEmploymentsReply = z.object({ items: z.array(employment) });
