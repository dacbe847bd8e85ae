import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { regionInBody } from '../../http/scopes.ts';
import { invitationRunInput, invitationRunReply } from './invitations.schemas.ts';

/** The month's invitations to claim the pension, run by a benefits officer (docs/RULES.md 14.13). */
export const invitationRunRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/retirement-invitation-runs',
    {
      schema: {
        tags: ['benefits'],
        summary:
          'Invite the persons of a region retiring in the next three months to claim, or tell them the shortfall; a repeat changes nothing',
        body: invitationRunInput,
        response: { 200: invitationRunReply },
      },
      config: { access: accessTo('retirement-invitations', 'run', regionInBody) },
    },
    async (request) => app.workflows.runRetirementInvitations(app, request.body, request.principal!.loginKey),
  );
};
