import { z } from 'zod';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, pageLimit, pageQuery, pageReply, toPage } from '../../http/pagination.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { accessTo } from '../../http/access-rules.ts';
import { regionInParams } from '../../http/scopes.ts';
import { regionCodeText } from '../../http/shared.schemas.ts';
import { listRegionPayments } from './list-region-payments.ts';
import { regionPayment } from './payments.schemas.ts';

/** The agency's region-wide list of payments; one payer's payments are GET /api/payments. */
export const regionPaymentRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/regions/:regionCode/payments',
    {
      schema: {
        tags: ['payments'],
        summary: "Payments of the region's employers and flexible workers, newest first (cursor pages)",
        params: z.strictObject({ regionCode: regionCodeText }),
        querystring: z.strictObject(pageQuery),
        response: { 200: pageReply(regionPayment) },
      },
      config: {
        access: accessTo('payments', 'list-region', regionInParams),
        // A flexible worker's payment is theirs: listing it is a read of their record.
        personalData: { what: 'payments list', persons: 'handler' },
      },
    },
    async (request) => {
      const size = pageLimit(request.query.limit);
      const beforeId = decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined;
      const rows = await listRegionPayments(app.database.db, {
        regionCode: request.params.regionCode,
        limit: size + 1,
        ...(beforeId === undefined ? {} : { beforeId }),
      });
      const page = toPage(rows, size, (row) => [row.id]);
      markPersonsRead(
        request,
        page.items.map((item) => item.payer.personId),
      );
      return page;
    },
  );
};
