import { ApiError, reach } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { paths } from '../api/schema.ts';

/**
 * The calls of the card pages (docs/RULES.md 18.2): a person's cards and their changes, an employer's
 * applications in bulk, the staff's queue, production batches and the bank's return files, and the
 * electronic card. Each returns the reply's data or throws an ApiError with the status and the problem.
 */

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type CardList = Json<paths['/api/persons/{personId}/cards']['get']['responses'][200]>;
export type Card = CardList['items'][number];
export type CardEvent = Card['events'][number];
export type CardStatus = Card['status'];
export type CardApplication = Json<paths['/api/persons/{personId}/cards']['post']['requestBody']>;
export type CardReplacement = Json<
  NonNullable<paths['/api/persons/{personId}/cards/{cardId}/replacement']['post']['requestBody']>
>;
export type CardQueuePage = Json<paths['/api/cards']['get']['responses'][200]>;
export type CardQueueItem = CardQueuePage['items'][number];
export type Batch = Json<paths['/api/cards/production-batches']['post']['responses'][201]>;
export type BankReturn = Json<
  paths['/api/cards/production-batches/{batchId}/returns']['post']['responses'][200]
>;
export type EmployerApplications = Json<
  paths['/api/employers/{employerId}/card-applications']['post']['requestBody']
>;
export type EmployerApplicationResult = Json<
  paths['/api/employers/{employerId}/card-applications']['post']['responses'][200]
>['results'][number];
export type ECardToken = Json<paths['/api/persons/{personId}/e-card-tokens']['post']['responses'][201]>;
export type ECardVerification = Json<paths['/api/e-card/verification']['post']['responses'][200]>;

/** The statuses a region's queue is read by, in the order a card passes them. */
export const QUEUE_STATUSES = [
  'applied',
  'approved',
  'sent_to_bank',
  'produced',
  'at_branch',
  'mailed',
  'active',
  'temporarily_lost',
] as const satisfies readonly CardStatus[];

/** The statuses of a card on its way to the person, and of a card in use (docs/RULES.md 18.3). */
export const ON_ITS_WAY: readonly CardStatus[] = [
  'applied',
  'approved',
  'sent_to_bank',
  'produced',
  'at_branch',
  'mailed',
];
export const IN_USE: readonly CardStatus[] = ['active', 'temporarily_lost'];

async function data<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data: body, error, response } = await reach(request);
  if (!response.ok || body === undefined) throw new ApiError(response.status, error);
  return body;
}

/** Query keys: a change to a person's card refreshes their cards and the queues. */
export const cardKeys = {
  ofPerson: (personId: number) => ['cards', 'person', personId] as const,
  queues: ['cards', 'queue'] as const,
  queue: (regionCode: string, status: CardStatus) => ['cards', 'queue', regionCode, status] as const,
  batches: (regionCode: string) => ['cards', 'batches', regionCode] as const,
};

const cardPath = (personId: number, cardId: number) => ({
  path: { personId: String(personId), cardId: String(cardId) },
});

export function fetchCards(personId: number): Promise<CardList> {
  return data(() =>
    api.GET('/api/persons/{personId}/cards', { params: { path: { personId: String(personId) } } }),
  );
}

export type CardChange = { card: Card; changed: boolean };

export function applyForCard(personId: number, body: CardApplication): Promise<CardChange> {
  return data(() =>
    api.POST('/api/persons/{personId}/cards', { params: { path: { personId: String(personId) } }, body }),
  );
}

export function replaceCard(personId: number, cardId: number, body: CardReplacement): Promise<CardChange> {
  return data(() =>
    api.POST('/api/persons/{personId}/cards/{cardId}/replacement', {
      params: cardPath(personId, cardId),
      body,
    }),
  );
}

/** The steps on a card that take no more than what the route names. */
export type CardStep =
  | { step: 'decision'; approve: boolean; reason?: string }
  | { step: 'dispatch'; trackingNo?: string }
  | { step: 'collection' }
  | { step: 'temporary-loss'; channel: 'phone' | 'app' | 'branch' }
  | { step: 'lifting' }
  | { step: 'formal-loss' }
  | { step: 'cancellation'; reason: string };

export function changeCard(personId: number, cardId: number, change: CardStep): Promise<CardChange> {
  const params = cardPath(personId, cardId);
  switch (change.step) {
    case 'decision':
      return data(() =>
        api.POST('/api/persons/{personId}/cards/{cardId}/decision', {
          params,
          body: { approve: change.approve, ...(change.reason ? { reason: change.reason } : {}) },
        }),
      );
    case 'dispatch':
      return data(() =>
        api.POST('/api/persons/{personId}/cards/{cardId}/dispatch', {
          params,
          body: change.trackingNo ? { trackingNo: change.trackingNo } : {},
        }),
      );
    case 'collection':
      return data(() => api.POST('/api/persons/{personId}/cards/{cardId}/collection', { params, body: {} }));
    case 'temporary-loss':
      return data(() =>
        api.POST('/api/persons/{personId}/cards/{cardId}/temporary-loss', {
          params,
          body: { channel: change.channel },
        }),
      );
    case 'lifting':
      return data(() =>
        api.POST('/api/persons/{personId}/cards/{cardId}/temporary-loss/lifting', { params, body: {} }),
      );
    case 'formal-loss':
      return data(() => api.POST('/api/persons/{personId}/cards/{cardId}/formal-loss', { params, body: {} }));
    case 'cancellation':
      return data(() =>
        api.POST('/api/persons/{personId}/cards/{cardId}/cancellation', {
          params,
          body: { reason: change.reason },
        }),
      );
  }
}

export function choosePaymentCard(personId: number, cardId: number) {
  return data(() =>
    api.PUT('/api/persons/{personId}/benefit-payment-card', {
      params: { path: { personId: String(personId) } },
      body: { cardId },
    }),
  );
}

/** Where the browser loads an application's photo (the session cookie goes with it). */
export function photoUrl(personId: number, cardId: number): string {
  return `/api/persons/${personId}/cards/${cardId}/photo`;
}

export function applyForEmployees(employerId: number, body: EmployerApplications) {
  return data(() =>
    api.POST('/api/employers/{employerId}/card-applications', {
      params: { path: { employerId: String(employerId) } },
      body,
    }),
  );
}

export function fetchQueue(regionCode: string, status: CardStatus, cursor?: string): Promise<CardQueuePage> {
  return data(() =>
    api.GET('/api/cards', {
      params: { query: { regionCode, status, limit: '50', ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export function fetchBatches(regionCode: string): Promise<{ items: Batch[] }> {
  return data(() => api.GET('/api/cards/production-batches', { params: { query: { regionCode } } }));
}

export function createBatch(regionCode: string, bankCode: string): Promise<Batch> {
  return data(() => api.POST('/api/cards/production-batches', { body: { regionCode, bankCode } }));
}

/** Where the browser downloads a batch file (the session cookie goes with it). */
export function batchFileUrl(batchId: number): string {
  return `/api/cards/production-batches/${batchId}/file`;
}

export function importReturn(batchId: number, file: File): Promise<BankReturn> {
  return data(() =>
    api.POST('/api/cards/production-batches/{batchId}/returns', {
      params: { path: { batchId: String(batchId) } },
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}

export function issueECardToken(personId: number): Promise<ECardToken> {
  return data(() =>
    api.POST('/api/persons/{personId}/e-card-tokens', {
      params: { path: { personId: String(personId) } },
      body: {},
    }),
  );
}

export function verifyECard(token: string): Promise<ECardVerification> {
  return data(() => api.POST('/api/e-card/verification', { body: { token } }));
}

/** A JPEG or PNG file as the base64 text the routes take (the server reads its type from its bytes). */
export async function photoBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The person of the region registered with a whole identity number, or null (the counter's look-up). */
export async function findPerson(
  regionCode: string,
  idNumber: string,
): Promise<{ id: number; name: string } | null> {
  const page = await data(() =>
    api.GET('/api/persons', { params: { query: { regionCode, q: idNumber, limit: '1' } } }),
  );
  return page.items[0] ?? null;
}
