import { CARD_STATUSES } from '@shebao/domain';
import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, encodeCursor, pageLimit, pageQuery } from '../../http/pagination.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { employerInParams, personInParams, regionInQuery } from '../../http/scopes.ts';
import { idText, regionCodeText } from '../../http/shared.schemas.ts';
import type { Principal } from '../auth/index.ts';
import type { CardActor } from './cards-deps.ts';
import {
  cancellationInput,
  cardApplicationInput,
  cardDecisionInput,
  cardQueueItem,
  cardReplacementInput,
  cardView,
  dispatchInput,
  employerApplicationResult,
  employerCardApplicationsInput,
  paymentCardInput,
  temporaryLossInput,
} from './cards.schemas.ts';

const tags = ['cards'];
const personParams = z.strictObject({ personId: idText });
const cardParams = z.strictObject({ personId: idText, cardId: idText });
const changed = z.object({ card: cardView, changed: z.boolean() });
const personalData = { what: 'social security card', persons: 'scope' } as const;

export function actorOf(principal: Principal): CardActor {
  return {
    login: principal.loginKey,
    side: principal.kind === 'person' ? 'person' : principal.kind === 'employer' ? 'employer' : 'staff',
  };
}

/** The social security card of a person, applications in bulk and the staff's queue (docs/RULES.md 18.3). */
export const cardRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/persons/:personId/cards',
    {
      schema: {
        tags,
        summary:
          'A person’s social security cards, newest first: status (a temporary loss past its days reads active), the production clock, the fee, and every event',
        params: personParams,
        response: { 200: z.object({ items: z.array(cardView) }) },
      },
      config: { access: accessTo('cards', 'read', personInParams(app)), personalData },
    },
    async (request) => ({ items: await app.cards.listCardsOfPerson(request.params.personId) }),
  );
  server.post(
    '/api/persons/:personId/cards',
    {
      bodyLimit: 2_000_000,
      schema: {
        tags,
        summary:
          'Apply for a first card, online by the person or at the counter by staff, with a JPEG or PNG photo; the same application again returns the one on its way',
        params: personParams,
        body: cardApplicationInput,
        response: { 201: changed, 200: changed },
      },
      config: { access: accessTo('cards', 'apply', personInParams(app)), personalData },
    },
    async (request, reply) => {
      const outcome = await app.cards.apply(
        request.params.personId,
        request.body,
        actorOf(request.principal!),
      );
      reply.status(outcome.changed ? 201 : 200);
      return outcome;
    },
  );
  server.post(
    '/api/persons/:personId/cards/:cardId/replacement',
    {
      bodyLimit: 2_000_000,
      schema: {
        tags,
        summary:
          'Replace a lost card (formally reported lost with it), a damaged card, or a second-generation card with a third; the fee by the region’s rules, exemptions recorded at the counter',
        params: cardParams,
        body: cardReplacementInput,
        response: { 201: changed, 200: changed },
      },
      config: { access: accessTo('cards', 'apply', personInParams(app)), personalData },
    },
    async (request, reply) => {
      const outcome = await app.cards.replace(
        request.params.personId,
        request.params.cardId,
        request.body,
        actorOf(request.principal!),
      );
      reply.status(outcome.changed ? 201 : 200);
      return outcome;
    },
  );
  server.post(
    '/api/persons/:personId/cards/:cardId/decision',
    {
      schema: {
        tags,
        summary: 'Approve an application (the card gets its number) or refuse it with the reason',
        params: cardParams,
        body: cardDecisionInput,
        response: { 200: changed },
      },
      config: { access: accessTo('cards', 'decide', personInParams(app)), personalData },
    },
    async (request) =>
      app.cards.decide(
        request.params.personId,
        request.params.cardId,
        request.body,
        actorOf(request.principal!),
      ),
  );
  server.post(
    '/api/persons/:personId/cards/:cardId/dispatch',
    {
      schema: {
        tags,
        summary: 'A produced card sent to the branch the person chose, or mailed (with its tracking number)',
        params: cardParams,
        body: dispatchInput,
        response: { 200: changed },
      },
      config: { access: accessTo('cards', 'dispatch', personInParams(app)), personalData },
    },
    async (request) =>
      app.cards.dispatch(
        request.params.personId,
        request.params.cardId,
        request.body.trackingNo,
        actorOf(request.principal!),
      ),
  );
  server.post(
    '/api/persons/:personId/cards/:cardId/collection',
    {
      schema: {
        tags,
        summary:
          'The card collected at the branch, or a mailed card confirmed received: it is activated, and a card it replaces ends',
        params: cardParams,
        body: z.strictObject({}),
        response: { 200: changed },
      },
      config: { access: accessTo('cards', 'collect', personInParams(app)), personalData },
    },
    async (request) =>
      app.cards.collect(request.params.personId, request.params.cardId, actorOf(request.principal!)),
  );
  server.post(
    '/api/persons/:personId/cards/:cardId/temporary-loss',
    {
      schema: {
        tags,
        summary:
          'A temporary loss report (phone, app or branch): the card is blocked at once through the region’s days, then the report lapses unless made formal',
        params: cardParams,
        body: temporaryLossInput,
        response: { 200: changed },
      },
      config: { access: accessTo('cards', 'report-loss', personInParams(app)), personalData },
    },
    async (request) =>
      app.cards.reportTemporaryLoss(
        request.params.personId,
        request.params.cardId,
        request.body.channel,
        actorOf(request.principal!),
      ),
  );
  server.post(
    '/api/persons/:personId/cards/:cardId/temporary-loss/lifting',
    {
      schema: {
        tags,
        summary: 'The card was found within the temporary loss report’s days: it is unblocked',
        params: cardParams,
        body: z.strictObject({}),
        response: { 200: changed },
      },
      config: { access: accessTo('cards', 'report-loss', personInParams(app)), personalData },
    },
    async (request) =>
      app.cards.liftTemporaryLoss(
        request.params.personId,
        request.params.cardId,
        actorOf(request.principal!),
      ),
  );
  server.post(
    '/api/persons/:personId/cards/:cardId/formal-loss',
    {
      schema: {
        tags,
        summary: 'A formal loss report: the card is blocked for good and can only be replaced',
        params: cardParams,
        body: z.strictObject({}),
        response: { 200: changed },
      },
      config: { access: accessTo('cards', 'report-loss', personInParams(app)), personalData },
    },
    async (request) =>
      app.cards.reportFormalLoss(request.params.personId, request.params.cardId, actorOf(request.principal!)),
  );
  server.post(
    '/api/persons/:personId/cards/:cardId/cancellation',
    {
      schema: {
        tags,
        summary:
          'Cancel a card with the reason: the person withdraws an application not yet approved; staff cancel any card not ended',
        params: cardParams,
        body: cancellationInput,
        response: { 200: changed },
      },
      config: { access: accessTo('cards', 'cancel', personInParams(app)), personalData },
    },
    async (request) =>
      app.cards.cancel(
        request.params.personId,
        request.params.cardId,
        request.body.reason,
        actorOf(request.principal!),
      ),
  );
  server.get(
    '/api/persons/:personId/cards/:cardId/photo',
    {
      schema: {
        tags,
        summary:
          'The photo of a card application (JPEG or PNG), for the staff who decide it and for the person',
        params: cardParams,
      },
      config: {
        access: accessTo('cards', 'read', personInParams(app)),
        personalData: { what: 'social security card photo', persons: 'scope' },
      },
    },
    async (request, reply) => {
      const { type, bytes } = await app.cards.readPhoto(request.params.personId, request.params.cardId);
      return reply.type(type).header('cache-control', 'private, no-store').send(bytes);
    },
  );
  server.put(
    '/api/persons/:personId/benefit-payment-card',
    {
      schema: {
        tags,
        summary:
          'The person’s choice of the card (in use, with its bank account) their pension and unemployment benefits are paid to',
        params: personParams,
        body: paymentCardInput,
        response: { 200: z.object({ cardId: z.number().int(), chosenOn: z.string() }) },
      },
      config: { access: accessTo('cards', 'choose-payment-card', personInParams(app)), personalData },
    },
    async (request) =>
      app.cards.choosePaymentCard(request.params.personId, request.body.cardId, actorOf(request.principal!)),
  );
  server.post(
    '/api/employers/:employerId/card-applications',
    {
      bodyLimit: 50_000_000,
      schema: {
        tags,
        summary:
          'An employer applies for cards for its new hires in bulk: each row checked (identity number, registered name, employed today, photo, one card per person) and applied or refused on its own',
        params: z.strictObject({ employerId: idText }),
        body: employerCardApplicationsInput,
        response: { 200: z.object({ results: z.array(employerApplicationResult) }) },
      },
      config: {
        access: accessTo('cards', 'apply-for-staff', employerInParams(app)),
        personalData: { what: 'social security card applications', persons: 'handler' },
      },
    },
    async (request) => {
      const results = await app.cards.applyForEmployees(
        request.params.employerId,
        request.body,
        actorOf(request.principal!),
      );
      markPersonsRead(
        request,
        results.flatMap((result) => (result.personId === null ? [] : [result.personId])),
      );
      return { results };
    },
  );
  server.get(
    '/api/cards',
    {
      schema: {
        tags,
        summary:
          'The region’s cards in a status (applications to decide, cards produced to dispatch ...), a page at a time; identity numbers masked',
        querystring: z.strictObject({
          regionCode: regionCodeText,
          status: z.enum(CARD_STATUSES).default('applied'),
          ...pageQuery,
        }),
        response: { 200: z.object({ items: z.array(cardQueueItem), nextCursor: z.string().nullable() }) },
      },
      config: {
        access: accessTo('cards', 'list-queue', regionInQuery),
        personalData: { what: 'social security card queue', persons: 'handler' },
      },
    },
    async (request) => {
      const limit = pageLimit(request.query.limit);
      const afterId = (decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined) ?? 0;
      const page = await app.cards.listQueue({
        regionCode: request.query.regionCode,
        status: request.query.status,
        afterId,
        limit,
      });
      markPersonsRead(
        request,
        page.items.map((item) => item.personId),
      );
      return { items: page.items, nextCursor: page.more ? encodeCursor([page.items.at(-1)!.id]) : null };
    },
  );
};
