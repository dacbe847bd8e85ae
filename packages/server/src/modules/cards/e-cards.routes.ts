import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { personInParams } from '../../http/scopes.ts';
import { idText } from '../../http/shared.schemas.ts';
import { eCardToken, eCardVerification, eCardVerifyInput } from './cards.schemas.ts';

const tags = ['cards'];

/** The electronic card: the person's short-lived signed code, and its online verification (docs/RULES.md 18.7). */
export const eCardRoutes: RoutePlugin = (server, app, { signingKey }) => {
  server.post(
    '/api/persons/:personId/e-card-tokens',
    {
      schema: {
        tags,
        summary:
          'A fresh electronic card code for the person’s app to show as a QR code: signed, naming the card only, valid for two minutes',
        params: z.strictObject({ personId: idText }),
        body: z.strictObject({}),
        response: { 201: eCardToken },
      },
      config: {
        access: accessTo('cards', 'show-e-card', personInParams(app)),
        personalData: { what: 'electronic social security card', persons: 'scope' },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return app.cards.issueECardToken(request.params.personId, signingKey);
    },
  );
  server.post(
    '/api/e-card/verification',
    {
      schema: {
        tags,
        summary:
          'Verify an electronic card code at an institution or counter: signature, expiry and the card’s status; answers valid or the reason, the masked name and card number only',
        body: eCardVerifyInput,
        response: { 200: eCardVerification },
      },
      config: {
        access: accessTo('e-cards', 'verify'),
        personalData: { what: 'electronic social security card verification', persons: 'handler' },
      },
    },
    async (request) => {
      const { verification, personId } = await app.cards.verifyECardToken(request.body.token, signingKey);
      markPersonsRead(request, personId === null ? [] : [personId]);
      return verification;
    },
  );
};
