import { z } from 'zod';
import { pageQuery } from '../../http/pagination.ts';
import { idText, periodText, regionCodeText } from '../../http/shared.schemas.ts';
import { searchText } from './records.schemas.ts';
import { registerEmployerInput } from './registration.schemas.ts';

/** Shapes of the employer routes; the records themselves are in records.schemas.ts. */

export const registerEmployerBody = registerEmployerInput.strict();

export const listEmployersQuery = z.strictObject({ regionCode: regionCodeText, q: searchText, ...pageQuery });

export const employerParams = z.strictObject({ employerId: idText });

export const contributionYearQuery = z.strictObject({ period: periodText });

export const contributionYearReply = z.object({ regionCode: z.string(), start: z.string(), end: z.string() });
