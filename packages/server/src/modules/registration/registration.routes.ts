import { maskResidentId } from '@shebao/domain';
import { exactlyOneOf, type CrossFieldRule } from '../../http/cross-field-rules.ts';
import { z } from 'zod';
import { businessDate } from '../../shared/business-date.ts';
import type { App } from '../../app/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { Scope } from '../../http/access.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { CSV_MEDIA_TYPES } from '../../http/body-media-types.ts';
import { decodeCursor, pageLimit, pageQuery, pageReply, toPage } from '../../http/pagination.ts';
import { COLLECTION_WRITERS, STAFF_READERS } from '../../http/role-groups.ts';
import { idText, periodText, regionCodeText } from '../../http/shared.schemas.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { employerScope, payerCodeScope, personScope } from '../../http/scopes.ts';
import { approval } from '../approvals/index.ts';
import { employerSearchOf, personSearchOf } from './search-terms.ts';
import {
  declareBaseInput,
  declareMonthInput,
  enrolFlexibleInput,
  hireInput,
  leaveInput,
  registerEmployerInput,
  registerPersonInput,
} from './registration.schemas.ts';
import { readBaseCsv, readBaseXlsx, writeBaseCsv, writeBaseXlsx, XLSX_CONTENT_TYPE } from './base-file.ts';

const tags = ['registration'];
const EMPLOYER_SIDE = [...COLLECTION_WRITERS, 'employer_user'] as const;

const employer = z.object({
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
const person = z.object({
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
/** A person in a list: enough to tell people apart, the identity number masked (docs/RULES.md 9.5). */
const personListItem = person
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
function toPersonListItem(row: z.infer<typeof person>): z.infer<typeof personListItem> {
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
const searchText = z.string().trim().max(60, 'must be at most 60 characters').optional();
const employment = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  employerId: z.number().int(),
  regionCode: z.string(),
  hiredOn: z.string(),
  hireReason: z.string(),
  leftOn: z.string().nullable(),
  leaveReason: z.string().nullable(),
  registeredOn: z.string(),
  recordedAt: z.string(),
});
const contributionBase = z.object({
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
const registrationReply = z.record(z.string(), z.unknown());
const baseFileReply = z.object({
  ok: z.boolean(),
  /** The rows declared, or with dryRun the rows that would be; 0 while any row is refused. */
  declared: z.number().int(),
  cycleStart: z.string(),
  /** Every refused row: its line in the file (the header is line 1), the field and the reason. */
  errors: z
    .array(
      z.object({
        line: z.number().int(),
        row: z.number().int(),
        field: z.string(),
        reason: z.string(),
        code: z.string(),
      }),
    )
    .optional(),
});
const baseFileQuery = z.strictObject({
  cycleStart: periodText,
  dryRun: z.enum(['true', 'false']).optional(),
});
const xlsxBody = z
  .instanceof(Buffer, { message: `send the workbook as the body (Content-Type: ${XLSX_CONTENT_TYPE})` })
  .meta({ type: 'string', format: 'binary' });

/** The employer and person a registration body names, by id or by code. */
async function bodyScope(app: App, body: Record<string, unknown>): Promise<Scope> {
  const ofEmployer =
    typeof body.employerId === 'number'
      ? await employerScope(app, body.employerId)
      : typeof body.creditCode === 'string'
        ? await payerCodeScope(app, body.creditCode)
        : {};
  const ofPerson =
    typeof body.personId === 'number'
      ? await personScope(app, body.personId)
      : typeof body.idNumber === 'string'
        ? await payerCodeScope(app, body.idNumber)
        : {};
  // The employer is what an employer user acts for; staff are checked against its region.
  if (ofEmployer.employerId !== undefined) return ofEmployer;
  // A leave may name only the employment: it is about that employment's employer.
  if (ofPerson.personId === undefined && typeof body.employmentId === 'number') {
    const employment = await app.registration.findEmployment(body.employmentId);
    if (employment) return employerScope(app, employment.employerId);
  }
  return ofPerson;
}

export const registrationRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/employers',
    {
      schema: {
        tags,
        summary: 'Register an employer (SIL Art. 57)',
        body: registerEmployerInput.strict(),
        response: { 201: registrationReply },
      },
      config: {
        access: {
          roles: COLLECTION_WRITERS,
          scope: (request) => ({ regionCode: (request.body as { regionCode: string }).regionCode }),
        },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return (await app.registration.registerEmployer(request.body)) as unknown as Record<string, unknown>;
    },
  );
  server.get(
    '/api/employers',
    {
      schema: {
        tags,
        summary:
          'Employers registered in a region, by id; `q` finds one by its whole credit code, or those whose name starts with it',
        querystring: z.strictObject({ regionCode: regionCodeText, q: searchText, ...pageQuery }),
        response: { 200: pageReply(employer) },
      },
      config: {
        access: {
          roles: STAFF_READERS,
          scope: (request) => ({ regionCode: (request.query as { regionCode: string }).regionCode }),
        },
      },
    },
    async (request) => {
      const { regionCode, q, cursor, limit } = request.query;
      const after = decodeCursor(cursor, ['number'])?.[0] as number | undefined;
      const size = pageLimit(limit);
      const rows = await app.registration.listEmployers(
        regionCode,
        { afterId: after, limit: size + 1 },
        employerSearchOf(q),
      );
      return toPage(rows, size, (row) => [row.id]);
    },
  );
  server.get(
    '/api/employers/:employerId',
    {
      schema: {
        tags,
        summary: 'One employer',
        params: z.strictObject({ employerId: idText }),
        response: { 200: employer },
      },
      config: {
        access: {
          roles: [...STAFF_READERS, 'employer_user'],
          scope: (request) => employerScope(app, (request.params as { employerId: number }).employerId),
        },
      },
    },
    async (request) => app.registration.getEmployer(request.params.employerId),
  );
  server.get(
    '/api/employers/:employerId/employments',
    {
      schema: {
        tags,
        summary: "An employer's staff: employments with names and masked identity numbers",
        params: z.strictObject({ employerId: idText }),
        querystring: z.strictObject({
          activeOn: businessDate.optional(),
        }),
        response: {
          200: z.object({
            items: z.array(employment.extend({ name: z.string(), idNumberMasked: z.string() })),
          }),
        },
      },
      config: {
        access: {
          roles: [...STAFF_READERS, 'employer_user'],
          scope: (request) => employerScope(app, (request.params as { employerId: number }).employerId),
        },
        personalData: { what: 'staff list (employments)', persons: 'handler' },
      },
    },
    async (request) => {
      await app.registration.getEmployer(request.params.employerId);
      const employments = await app.registration.listEmployments(
        request.params.employerId,
        request.query.activeOn ? { activeOn: request.query.activeOn } : {},
      );
      const items = [];
      for (const item of employments) {
        const who = await app.registration.getPerson(item.personId);
        items.push({ ...item, name: who.name, idNumberMasked: maskResidentId(who.idNumber) });
      }
      markPersonsRead(
        request,
        items.map((item) => item.personId),
      );
      return { items };
    },
  );
  server.get(
    '/api/employers/:employerId/bases/:cycleStart',
    {
      schema: {
        tags,
        summary: 'The latest declared base of each employee for a contribution year',
        params: z.strictObject({ employerId: idText, cycleStart: periodText }),
        response: { 200: z.object({ items: z.array(contributionBase) }) },
      },
      config: {
        access: {
          roles: [...STAFF_READERS, 'employer_user'],
          scope: (request) => employerScope(app, (request.params as { employerId: number }).employerId),
        },
        personalData: { what: 'declared contribution bases', persons: 'handler' },
      },
    },
    async (request) => {
      const items = await app.registration.listLatestBases(
        request.params.employerId,
        request.params.cycleStart,
      );
      markPersonsRead(
        request,
        items.map((item) => item.personId),
      );
      return { items };
    },
  );
  const employerSide = {
    roles: EMPLOYER_SIDE,
    scope: (request: { params: unknown }) =>
      employerScope(app, (request.params as { employerId: number }).employerId),
  };
  // Excel workbooks arrive as bytes (CSV arrives as text, see build-server.ts).
  server.addContentTypeParser(XLSX_CONTENT_TYPE, { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  server.post(
    '/api/employers/:employerId/bases.csv',
    {
      bodyLimit: 20_000_000,
      schema: {
        tags,
        summary:
          'Declare the yearly bases from a CSV file (id-number, declared in yuan); all rows or none, errors by line',
        params: z.strictObject({ employerId: idText }),
        querystring: baseFileQuery,
        body: z.string().min(1, 'send the CSV file as the body (Content-Type: text/csv)'),
        response: { 200: baseFileReply, 422: baseFileReply },
      },
      config: { access: employerSide, bodyMediaTypes: CSV_MEDIA_TYPES },
    },
    async (request, reply) => {
      const result = await app.registration.declareBaseFile(readBaseCsv(request.body), {
        employerId: request.params.employerId,
        cycleStart: request.query.cycleStart,
        dryRun: request.query.dryRun === 'true',
      });
      if (!result.ok) reply.status(422);
      return result;
    },
  );
  server.post(
    '/api/employers/:employerId/bases.xlsx',
    {
      bodyLimit: 20_000_000,
      schema: {
        tags,
        summary:
          'Declare the yearly bases from an Excel workbook (first sheet: id-number, declared in yuan); all rows or none, errors by line',
        params: z.strictObject({ employerId: idText }),
        querystring: baseFileQuery,
        body: xlsxBody,
        response: { 200: baseFileReply, 422: baseFileReply },
      },
      config: { access: employerSide, bodyMediaTypes: [XLSX_CONTENT_TYPE] },
    },
    async (request, reply) => {
      const result = await app.registration.declareBaseFile(await readBaseXlsx(request.body), {
        employerId: request.params.employerId,
        cycleStart: request.query.cycleStart,
        dryRun: request.query.dryRun === 'true',
      });
      if (!result.ok) reply.status(422);
      return result;
    },
  );
  server.get(
    '/api/employers/:employerId/bases-template',
    {
      schema: {
        tags,
        summary:
          "A base file to fill in: the year's staff with full identity numbers and the bases declared so far (xlsx or csv)",
        params: z.strictObject({ employerId: idText }),
        querystring: z.strictObject({
          cycleStart: periodText,
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
        }),
        response: {
          200: {
            description: 'The file',
            content: { [XLSX_CONTENT_TYPE]: { schema: z.string() }, 'text/csv': { schema: z.string() } },
          },
        },
      },
      config: {
        access: employerSide,
        personalData: { what: 'base file template (staff identity numbers)', persons: 'handler' },
      },
    },
    async (request, reply) => {
      const { employerId } = request.params;
      const { cycleStart, format } = request.query;
      const rows = await app.registration.baseFileTemplate(employerId, cycleStart);
      markPersonsRead(
        request,
        rows.map((row) => row.personId),
      );
      const fileName = `bases-${employerId}-${cycleStart}.${format}`;
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(writeBaseCsv(rows));
      // bytes go out as they are; the schema only documents them
      return reply.type(XLSX_CONTENT_TYPE).send((await writeBaseXlsx(rows)) as never);
    },
  );
  server.get(
    '/api/employers/:employerId/contribution-year',
    {
      schema: {
        tags,
        summary: "The contribution year (缴费年度) of the employer's region that contains a month",
        params: z.strictObject({ employerId: idText }),
        querystring: z.strictObject({ period: periodText }),
        response: { 200: z.object({ regionCode: z.string(), start: z.string(), end: z.string() }) },
      },
      config: {
        access: {
          roles: [...STAFF_READERS, 'employer_user'],
          scope: employerSide.scope,
        },
      },
    },
    async (request) => app.registration.contributionYear(request.params.employerId, request.query.period),
  );
  server.post(
    '/api/persons',
    {
      schema: {
        tags,
        summary: 'Register an insured person (SIL Art. 58)',
        body: registerPersonInput.strict(),
        response: { 201: registrationReply },
      },
      config: {
        access: {
          roles: COLLECTION_WRITERS,
          scope: (request) => ({ regionCode: (request.body as { regionCode: string }).regionCode }),
        },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return (await app.registration.registerPerson(request.body)) as unknown as Record<string, unknown>;
    },
  );
  server.get(
    '/api/persons',
    {
      schema: {
        tags,
        summary:
          'Persons registered in a region, by id, identity numbers masked; `q` finds one by its whole identity number, or those whose name starts with it',
        querystring: z.strictObject({ regionCode: regionCodeText, q: searchText, ...pageQuery }),
        response: { 200: pageReply(personListItem) },
      },
      config: {
        access: {
          roles: STAFF_READERS,
          scope: (request) => ({ regionCode: (request.query as { regionCode: string }).regionCode }),
        },
        personalData: { what: 'person search', persons: 'handler' },
      },
    },
    async (request) => {
      const { regionCode, q, cursor, limit } = request.query;
      const after = decodeCursor(cursor, ['number'])?.[0] as number | undefined;
      const size = pageLimit(limit);
      const rows = await app.registration.listPersons(regionCode, personSearchOf(q), {
        ...(after === undefined ? {} : { afterId: after }),
        limit: size + 1,
      });
      markPersonsRead(
        request,
        rows.slice(0, size).map((row) => row.id),
      );
      return toPage(rows, size, (row) => [row.id], toPersonListItem);
    },
  );
  server.get(
    '/api/persons/:personId',
    {
      schema: {
        tags,
        summary: "One person's record",
        params: z.strictObject({ personId: idText }),
        response: { 200: person },
      },
      config: {
        access: {
          roles: [...STAFF_READERS, 'insured_person'],
          scope: (request) => personScope(app, (request.params as { personId: number }).personId),
        },
        personalData: { what: 'person record', persons: 'scope' },
      },
    },
    async (request) => app.registration.getPerson(request.params.personId),
  );
  server.get(
    '/api/persons/:personId/employments',
    {
      schema: {
        tags,
        summary: "A person's employments",
        params: z.strictObject({ personId: idText }),
        response: { 200: z.object({ items: z.array(employment) }) },
      },
      config: {
        access: {
          roles: [...STAFF_READERS, 'insured_person'],
          scope: (request) => personScope(app, (request.params as { personId: number }).personId),
        },
        personalData: { what: 'employments', persons: 'scope' },
      },
    },
    async (request) => {
      await app.registration.getPerson(request.params.personId);
      return { items: await app.registration.listPersonEmployments(request.params.personId) };
    },
  );
  // Cross-field rules of the writes, documented in the OpenAPI document (http/cross-field-rules.ts).
  const oneEmployer = exactlyOneOf('employerId', 'creditCode');
  const onePerson = exactlyOneOf('personId', 'idNumber');
  const baseRules: CrossFieldRule[] = [oneEmployer, onePerson, exactlyOneOf('cycleStart', 'period')];
  const writes = [
    {
      url: '/api/hires',
      summary: 'Hire a person (or take them over from another region)',
      body: hireInput.strict(),
      rules: [oneEmployer, onePerson],
      run: (body: never) => app.registration.hire(body),
    },
    {
      url: '/api/leaves',
      summary: 'Record that an employment ended',
      body: leaveInput.strict(),
      rules: [
        {
          ...oneEmployer,
          rule: 'unless employmentId is given: give exactly one of employerId and creditCode',
          jsonSchema: { anyOf: [{ required: ['employmentId'] }, oneEmployer.jsonSchema!] },
        },
        {
          ...onePerson,
          rule: 'unless employmentId is given: give exactly one of personId and idNumber',
          jsonSchema: { anyOf: [{ required: ['employmentId'] }, onePerson.jsonSchema!] },
        },
        { in: 'body', field: 'leftOn', rule: "must not be before the employment's hire date" },
      ] satisfies CrossFieldRule[],
      run: (body: never) => app.registration.leave(body),
    },
    {
      url: '/api/bases',
      summary:
        "Declare one employee's base for a contribution year (a correction goes to /api/bases/corrections)",
      body: declareBaseInput.strict(),
      rules: baseRules,
      run: (body: never) => {
        if ((body as { source?: string }).source === 'correction')
          throw new AppError(
            ErrorCode.RULE_VIOLATION,
            "source: a corrected base needs a second person's approval: propose it with POST /api/bases/corrections",
            { field: 'source', detailCode: 'correction-needs-approval' },
          );
        return app.registration.declareBase(body);
      },
    },
    {
      url: '/api/declarations',
      summary: "Declare an employer's month (SIL Art. 60)",
      body: declareMonthInput.strict(),
      rules: [oneEmployer],
      run: (body: never) => app.registration.declareMonth(body),
    },
  ] as const;
  for (const write of writes) {
    server.post(
      write.url,
      {
        schema: { tags, summary: write.summary, body: write.body, response: { 201: registrationReply } },
        config: {
          access: {
            roles: EMPLOYER_SIDE,
            scope: (request) => bodyScope(app, request.body as Record<string, unknown>),
          },
          crossFieldRules: write.rules,
        },
      },
      async (request, reply) => {
        reply.status(201);
        return (await write.run(request.body as never)) as unknown as Record<string, unknown>;
      },
    );
  }
  server.post(
    '/api/bases/corrections',
    {
      schema: {
        tags,
        summary:
          "Propose a corrected base for an employee's contribution year; it applies when a second collection officer approves it",
        body: declareBaseInput.strict(),
        response: { 202: approval },
      },
      config: {
        access: {
          roles: COLLECTION_WRITERS,
          scope: (request) => bodyScope(app, request.body as Record<string, unknown>),
        },
        crossFieldRules: baseRules,
      },
    },
    async (request, reply) => {
      const body = { ...request.body, source: 'correction' as const };
      const scope = await bodyScope(app, body as Record<string, unknown>);
      const who = [
        body.employerId ?? body.creditCode,
        body.personId ?? (body.idNumber ? maskResidentId(body.idNumber) : undefined),
      ];
      const proposal = await app.approvals.propose(
        'registration.correctBase',
        body,
        {
          regionCode: scope.regionCode ?? '000000',
          summary: `base correction: employer ${who[0]}, person ${who[1]}, ${body.cycleStart ?? body.period}: ${body.declaredFen} fen`,
        },
        request.principal!,
      );
      reply.status(202);
      return proposal;
    },
  );
  server.post(
    '/api/flexible-enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol a flexible worker (own-account contributions)',
        body: enrolFlexibleInput.strict(),
        response: { 201: registrationReply },
      },
      config: {
        access: {
          roles: [...COLLECTION_WRITERS, 'insured_person'],
          scope: (request) => bodyScope(app, request.body as Record<string, unknown>),
        },
        crossFieldRules: [
          onePerson,
          exactlyOneOf('baseFen', 'gradePpm'),
          ...(['bankAccount', 'agreementNo'] as const).map((field): CrossFieldRule => ({
            in: 'body',
            field,
            rule: 'required when paymentMethod is "withholding"',
            jsonSchema: {
              if: { properties: { paymentMethod: { const: 'withholding' } }, required: ['paymentMethod'] },
              then: { required: [field] },
            },
          })),
        ],
      },
    },
    async (request, reply) => {
      reply.status(201);
      return (await app.registration.enrolFlexible(request.body)) as unknown as Record<string, unknown>;
    },
  );
};
