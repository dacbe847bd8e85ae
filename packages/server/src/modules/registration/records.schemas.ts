import { z } from 'zod';
import { exactlyOneOf } from '../../http/cross-field-rules.ts';

/**
 * The registration records as the HTTP API shows them, and what the resources' routes share: the reply
 * of a registration write and the cross-field rules of bodies that name an employer or a person.
 */

export const employer = z.object({
  id: z.number().int(),
  creditCode: z.string(),
  name: z.string(),
  regionCode: z.string(),
  industryClass: z.number().int(),
  injuryFloatPpm: z.number().int(),
  bankAccount: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  establishedOn: z.string(),
  registeredOn: z.string(),
  recordedAt: z.string(),
});

export const person = z.object({
  id: z.number().int(),
  idNumber: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  hukouRegionCode: z.string(),
  hukouType: z.enum(['urban', 'rural']),
  category: z.enum(['employee', 'flexible', 'resident']),
  regionCode: z.string(),
  registeredOn: z.string(),
  recordedAt: z.string(),
});

export const employment = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  employerId: z.number().int(),
  regionCode: z.string(),
  hiredOn: z.string(),
  hireReason: z.string(),
  leftOn: z.string().nullable(),
  leaveReason: z.string().nullable(),
  leaveReportedOn: z.string().nullable(),
  registeredOn: z.string(),
  recordedAt: z.string(),
});

export const contributionBase = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  employerId: z.number().int(),
  regionCode: z.string(),
  cycleStart: z.string(),
  declaredFen: z.number().int(),
  source: z.string(),
  version: z.number().int(),
  declaredOn: z.string(),
  recordedAt: z.string(),
});

/** Registration replies carry timeliness notes and other details; documented loosely, typed by the service. */
export const registrationReply = z.record(z.string(), z.unknown());

/** A search box's text: a whole code or identity number, or the start of a name. */
export const searchText = z.string().trim().max(60, 'must be at most 60 characters').optional();

// Cross-field rules of the writes, documented in the OpenAPI document (http/cross-field-rules.ts).
export const oneEmployer = exactlyOneOf('employerId', 'creditCode');
export const onePerson = exactlyOneOf('personId', 'idNumber');
