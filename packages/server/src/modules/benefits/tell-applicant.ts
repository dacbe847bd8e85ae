import type { Kysely } from 'kysely';
import type { ApplicationEventKind, Database } from '../../db/index.ts';
import { enqueueNotices } from '../notifications/index.ts';
import type { ApplicationRow } from './applications.repository.ts';

// The events a person is told of (docs/RULES.md 17.6); the others are the officers' working steps.
const TOLD: readonly ApplicationEventKind[] = [
  'filed',
  'material-requested',
  'material-received',
  'decided',
  'withdrawn',
];

/**
 * Tells the applicant what happened to their application, in the transaction that recorded it: a notice
 * for the person's inbox and chosen channels, keyed by the application and the event.
 */
export async function tellApplicant(
  db: Kysely<Database>,
  application: Pick<ApplicationRow, 'id' | 'application_no' | 'kind' | 'person_id' | 'region_code'>,
  event: ApplicationEventKind,
  decision: ApplicationRow['decision'],
  note: string | null,
  at: string,
): Promise<void> {
  if (!TOLD.includes(event)) return;
  const told = event === 'decided' && decision ? `decided-${decision}` : event;
  await enqueueNotices(db, new Date(at), [
    {
      recipient: { kind: 'person', id: Number(application.person_id) },
      kind: 'benefit.status',
      // An application may be asked for material more than once: the instant tells those apart.
      eventKey: `application:${application.id}:${told}:${at}`,
      regionCode: application.region_code,
      params: {
        applicationNo: application.application_no,
        benefitKind: application.kind,
        event: told,
        note: event === 'material-requested' ? note : null,
      },
      link: '/person/applications',
    },
  ]);
}
