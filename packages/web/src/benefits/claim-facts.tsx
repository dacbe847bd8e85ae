import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { formatYuan } from '../shell/format.ts';
import type { Application } from './benefits-api.ts';

const F = 'benefitPages.claims.facts';

interface Payee {
  kind: 'bank' | 'card';
  account: string;
}

/**
 * What a work-injury, unemployment or maternity application claims (docs/RULES.md 15.14), as labelled
 * lines for the facts table; the account as the applicant gave it.
 */
export function claimFactItems(
  t: TFunction,
  application: Pick<Application, 'kind' | 'facts'>,
): { label: string; value: ReactNode }[] {
  const facts = application.facts as Record<string, unknown>;
  const items: { label: string; value: ReactNode }[] = [];
  const add = (key: string, value: ReactNode) => items.push({ label: t(`${F}.${key as 'event'}`), value });
  if (typeof facts.event === 'string') add('event', t(`${F}.events.${facts.event as 'birth'}`));
  if (typeof facts.eventDate === 'string') add('eventDate', facts.eventDate);
  if (typeof facts.filedAs === 'string') add('filedAs', t(`${F}.filedAsKinds.${facts.filedAs as 'self'}`));
  if (typeof facts.employerId === 'number') add('employerId', facts.employerId);
  if (typeof facts.description === 'string') add('description', facts.description);
  if (typeof facts.identificationId === 'number') add('identificationId', `#${facts.identificationId}`);
  if (typeof facts.registeredOn === 'string') add('registeredOn', facts.registeredOn);
  if (application.kind === 'maternity') {
    add('dystocia', t(facts.dystocia ? 'benefitPages.common.yes' : 'benefitPages.common.no'));
    add('babies', Number(facts.babies ?? 1));
  }
  if (typeof facts.miscarriageStage === 'string')
    add('miscarriageStage', t(`${F}.stages.${facts.miscarriageStage as 'early'}`));
  if (typeof facts.medicalCostsFen === 'number') add('medicalCosts', formatYuan(facts.medicalCostsFen));
  const spouse = facts.spouse as { name: string; idNumber: string } | undefined;
  if (spouse) add('spouse', spouse.name);
  const payee = facts.payee as Payee | undefined;
  if (payee)
    add(
      'payee',
      <>
        {t(`benefitPages.facts.payeeKinds.${payee.kind}`)} <code>{payee.account}</code>
      </>,
    );
  return items;
}
