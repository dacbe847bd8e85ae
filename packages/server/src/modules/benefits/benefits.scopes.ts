import type { FastifyRequest } from 'fastify';
import type { App } from '../../app/index.ts';
import type { Scope } from '../../http/access.ts';

/**
 * The person an application in the path (`:applicationId`) belongs to, for the access check: the person
 * themselves, or staff of their region. An application that does not exist has no owner (the check
 * refuses persons, staff reach the handler's 404).
 */
export const applicationInParams =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> => {
    const owner = await app.benefits.ownerOf((request.params as { applicationId: number }).applicationId);
    return owner ? { personId: owner.personId, regionCode: owner.regionCode } : {};
  };
