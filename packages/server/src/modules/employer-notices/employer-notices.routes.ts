import { z } from 'zod';
import type { RoutePlugin } from '../../http/api-server.ts';
import { accessTo } from '../../http/access-rules.ts';
import { idText, periodText } from '../../http/shared.schemas.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { employerInParams } from '../../http/scopes.ts';
import { employeeMonthlyDetails } from './employee-monthly-details.ts';
import { employeeMonthlyDetailsReply } from './employer-notices.schemas.ts';

/** What the employer must tell each employee every month (SIL Art. 60), identity numbers masked. */
export const employerNoticeRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/employers/:employerId/monthly-details/:period',
    {
      schema: {
        tags: ['collection'],
        summary:
          "Each employee's contributions for a month: bases, both parties' amounts, personal accounts, paid or not",
        params: z.strictObject({ employerId: idText, period: periodText }),
        response: { 200: employeeMonthlyDetailsReply },
      },
      config: {
        access: accessTo('employer-inquiry', 'read', employerInParams(app)),
        personalData: {
          what: (request) => `monthly contribution details ${(request.params as { period: string }).period}`,
          persons: 'handler',
        },
      },
    },
    async (request) => {
      const details = await employeeMonthlyDetails({ db: app.database.db }, request.params);
      markPersonsRead(
        request,
        details.employees.map((employee) => employee.personId),
      );
      return details;
    },
  );
};
