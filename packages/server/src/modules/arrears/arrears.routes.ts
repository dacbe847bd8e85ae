import { chinaDateOf } from '@shebao/domain';
import { z } from 'zod';
import { businessDate, FORECAST_DAYS, refuseFutureDate } from '../../shared/business-date.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, encodeCursor, pageLimit, pageQuery } from '../../http/pagination.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { accessTo } from '../../http/access-rules.ts';
import { regionInParams } from '../../http/scopes.ts';
import { regionCodeText } from '../../http/shared.schemas.ts';
import { regionArrearsReply } from './arrears.schemas.ts';
import { regionArrears } from './arrears.service.ts';

const tags = ['arrears'];

/** The agency's view of who is behind with their contributions in a region (SIL Art. 63, 86). */
export const arrearsRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/regions/:regionCode/arrears',
    {
      schema: {
        tags,
        summary:
          'Payers of the region with overdue bills: owed, days overdue, the late fee running (cursor pages)',
        params: z.strictObject({ regionCode: regionCodeText }),
        querystring: z.strictObject({ asOf: businessDate.optional(), ...pageQuery }),
        response: { 200: regionArrearsReply },
      },
      config: {
        access: accessTo('arrears', 'list-region', regionInParams),
        // A flexible worker in arrears is a person: the list is a read of their record.
        personalData: { what: 'arrears list', persons: 'handler' },
      },
    },
    async (request) => {
      const { regionCode } = request.params;
      const today = chinaDateOf(app.clock.now());
      // A forecast may look a year ahead, no further (docs/RULES.md 10.4).
      if (request.query.asOf)
        refuseFutureDate(request.query.asOf, today, 'query.asOf', { allowDays: FORECAST_DAYS });
      const asOf = request.query.asOf ?? today;
      const after = decodeCursor(request.query.cursor, ['string'])?.[0] as string | undefined;
      const page = await regionArrears(
        { db: app.database.db, policy: app.policy },
        {
          regionCode,
          asOf,
          limit: pageLimit(request.query.limit),
          ...(after === undefined ? {} : { afterPayerKey: after }),
        },
      );
      markPersonsRead(
        request,
        page.items.map((item) => item.payer.personId),
      );
      return {
        regionCode,
        asOf,
        totalOverdueFen: page.totalOverdueFen,
        payersInArrears: page.payersInArrears,
        items: page.items,
        nextCursor: page.nextAfterPayerKey === null ? null : encodeCursor([page.nextAfterPayerKey]),
      };
    },
  );
};
