import { chinaDateOf } from '@shebao/domain';
import { z } from 'zod';
import { businessDate, FORECAST_DAYS, refuseFutureDate } from '../../shared/business-date.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, encodeCursor, pageLimit, pageQuery, pageReply } from '../../http/pagination.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { accessTo } from '../../http/access-rules.ts';
import { idText } from '../../http/shared.schemas.ts';
import { employerInParams } from '../../http/scopes.ts';
import { employerSummary } from './employer-summary.ts';
import { arrearsReply, employerSummaryReply, staffMember } from './employer-inquiry.schemas.ts';
import { employerArrears, listStaff } from './employer-inquiry.service.ts';

const tags = ['inquiry'];

/**
 * What an employer looks up about itself (SIL Art. 4). Its bills, payments and receipts are the
 * existing GET /api/bills?employerId=, /api/payments?employerId= and /api/payments/{paymentNo}/receipt;
 * the monthly per-employee details are /api/employers/{employerId}/monthly-details/{period}.
 */
export const employerInquiryRoutes: RoutePlugin = (server, app) => {
  const employerInPath = employerInParams(app);
  server.get(
    '/api/employers/:employerId/staff',
    {
      schema: {
        tags,
        summary:
          "The employer's staff: current employments by default, identity numbers masked (cursor pages)",
        params: z.strictObject({ employerId: idText }),
        querystring: z.strictObject({ current: z.enum(['true', 'false']).optional(), ...pageQuery }),
        response: { 200: pageReply(staffMember) },
      },
      config: {
        access: accessTo('employer-staff', 'read', employerInPath),
        personalData: { what: 'staff list', persons: 'handler' },
      },
    },
    async (request) => {
      const { employerId } = request.params;
      const afterId = decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined;
      const page = await listStaff(
        { db: app.database.db, today: chinaDateOf(app.clock.now()) },
        {
          employerId,
          limit: pageLimit(request.query.limit),
          current: request.query.current !== 'false',
          ...(afterId === undefined ? {} : { afterId }),
        },
      );
      markPersonsRead(
        request,
        page.items.map((item) => item.personId),
      );
      return {
        items: page.items,
        nextCursor: page.nextAfterId === null ? null : encodeCursor([page.nextAfterId]),
      };
    },
  );
  server.get(
    '/api/employers/:employerId/arrears',
    {
      schema: {
        tags,
        summary:
          'What the employer owes on a day: unpaid bills, days overdue, the late fee running (SIL Art. 86)',
        params: z.strictObject({ employerId: idText }),
        querystring: z.strictObject({ asOf: businessDate.optional() }),
        response: { 200: arrearsReply },
      },
      config: { access: accessTo('arrears', 'read-employer', employerInPath) },
    },
    async (request) => {
      const today = chinaDateOf(app.clock.now());
      // A forecast may look a year ahead, no further (docs/RULES.md 10.4).
      if (request.query.asOf)
        refuseFutureDate(request.query.asOf, today, 'query.asOf', { allowDays: FORECAST_DAYS });
      return employerArrears(
        { db: app.database.db, policy: app.policy },
        { employerId: request.params.employerId, asOf: request.query.asOf ?? today },
      );
    },
  );
  server.get(
    '/api/employers/:employerId/summary',
    {
      schema: {
        tags,
        summary:
          "The employer's start page: what is owed and overdue, what falls due next, the amount that clears " +
          'everything today (late fees included), how to pay, and what is still to do',
        params: z.strictObject({ employerId: idText }),
        response: { 200: employerSummaryReply },
      },
      config: { access: accessTo('employer-inquiry', 'read', employerInPath) },
    },
    async (request) => {
      const employer = await app.registration.getEmployer(request.params.employerId);
      return employerSummary(
        { db: app.database.db, clock: app.clock, policy: app.policy, today: chinaDateOf(app.clock.now()) },
        employer,
      );
    },
  );
};
