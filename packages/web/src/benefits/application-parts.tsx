import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Spin, Table, Tag, Typography } from 'antd';
import i18next, { type TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DescribeProblem } from '../components/problem-alert.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { formatChinaTime, formatPeriod, formatYuan } from '../shell/format.ts';
import { problemReason } from '../shell/problem-reason.ts';
import {
  documentUrl,
  type Application,
  type ApplicationDocument,
  type ApplicationEvent,
  type ApplicationState,
  type DecisionReason,
} from './benefits-api.ts';
import { actorSide, hasChinese, sourcesText } from './benefit-terms.ts';
import { claimFactItems } from './claim-facts.tsx';
import './benefits.css';

/** A failed request worded as what did not happen, the server's reason (translated by its detailCode) beneath. */
export const failedAs =
  (title: string): DescribeProblem =>
  (_t, error) => ({ title, detail: problemReason(i18next, error) });

/** "Loading…" in a live region. */
export function BenefitsLoading() {
  const { t } = useTranslation();
  return (
    <div className="benefit-loading" role="status">
      <Spin size="small" /> {t('benefitPages.common.loading')}
    </div>
  );
}

/** A read that failed, and a way to try again. */
export function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <ProblemAlert
      error={error}
      describe={failedAs(t('benefitPages.common.loadFailed'))}
      action={<Button onClick={onRetry}>{t('benefitPages.common.retry')}</Button>}
    />
  );
}

const STATE_COLOURS: Record<ApplicationState, string> = {
  'under-review': 'blue',
  'awaiting-material': 'gold',
  proposed: 'purple',
  decided: 'green',
  withdrawn: 'default',
};

export function StateTag({ state }: { state: ApplicationState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOURS[state]}>{t(`benefitPages.states.${state}`)}</Tag>;
}

/** The clock in a tag and a sentence: days left, overdue, paused while material is awaited, or stopped. */
export function useClockWords(application: Pick<Application, 'clock' | 'state'>) {
  const { t } = useTranslation();
  const { clock, state } = application;
  const days = (count: number) => t(`benefitPages.clock.units.${clock.unit}`, { count });
  if (state === 'decided' || state === 'withdrawn')
    return {
      tag: <Tag>{t('benefitPages.clock.ended')}</Tag>,
      text: t('benefitPages.clock.endedText', { used: days(clock.usedDays) }),
      kind: 'ended' as const,
    };
  if (clock.paused)
    return {
      tag: <Tag color="gold">{t('benefitPages.clock.paused')}</Tag>,
      text: t('benefitPages.clock.pausedText', { used: days(clock.usedDays) }),
      kind: 'paused' as const,
    };
  if (clock.overdue)
    return {
      tag: <Tag color="red">{t('benefitPages.clock.overdue')}</Tag>,
      text: t('benefitPages.clock.overdueText', { date: clock.dueOn ?? '—' }),
      kind: 'overdue' as const,
    };
  return {
    tag: <Tag color="blue">{t('benefitPages.clock.left', { left: days(clock.daysLeft ?? 0) })}</Tag>,
    text: t('benefitPages.clock.leftText', { date: clock.dueOn ?? '—', left: days(clock.daysLeft ?? 0) }),
    kind: 'running' as const,
  };
}

/** The clock of one application, in full: the time limit and the rule that sets it, the due date, what is left. */
export function ClockView({ application }: { application: Application }) {
  const { t, i18n } = useTranslation();
  const words = useClockWords(application);
  const { clock } = application;
  return (
    <div className="benefit-clock" data-clock={words.kind}>
      <p className="benefit-clock-line">
        {words.tag} {words.text}
      </p>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('benefitPages.clock.limit')}>
          {t(`benefitPages.clock.units.${clock.unit}`, { count: clock.days })}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.clock.dueOn')}>{clock.dueOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.clock.source')}>
          {sourcesText(t, clock.source, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/** An event's note for people: a document's kind and name, a note staff typed; the decision's own is shown apart. */
function EventNote({ event }: { event: ApplicationEvent }) {
  const { t } = useTranslation();
  if (!event.note || event.kind === 'decided') return null;
  if (event.kind === 'document-added') {
    const [kind = '', ...name] = event.note.split(': ');
    return (
      <>
        {documentKindLabel(t, kind)}：<code>{name.join(': ')}</code>
      </>
    );
  }
  return <>{event.note}</>;
}

/** What happened to an application, oldest first; staff see who acted by login. */
export function EventsList({
  events,
  showLogins,
}: {
  events: readonly ApplicationEvent[];
  showLogins: boolean;
}) {
  const { t } = useTranslation();
  if (events.length === 0)
    return <Typography.Paragraph>{t('benefitPages.events.empty')}</Typography.Paragraph>;
  return (
    <ol className="benefit-events">
      {events.map((event, index) => (
        <li key={index} data-event={event.kind}>
          <span className="benefit-event-date">{event.onDate}</span>{' '}
          <strong>
            {t(`benefitPages.events.kinds.${event.kind as 'filed'}`, { defaultValue: event.kind })}
          </strong>
          {' · '}
          {t(`benefitPages.events.actors.${actorSide(event.byLogin)}`)}
          {showLogins && (
            <>
              {' '}
              <code>{event.byLogin}</code>
            </>
          )}
          {event.note && event.kind !== 'decided' && (
            <div className="benefit-event-note">
              <EventNote event={event} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

type Translate = TFunction;

const DOCUMENT_KINDS = new Set(['identity', 'deemed-service', 'retirement-choice', 'evidence']);
export const DOCUMENT_KIND_OPTIONS = [...DOCUMENT_KINDS];

export function documentKindLabel(t: Translate, kind: string): ReactNode {
  if (!DOCUMENT_KINDS.has(kind)) return <code>{kind}</code>;
  const label: string = t(`benefitPages.documents.kinds.${kind as 'identity'}`);
  return label;
}

/** A decision's reason for people: its code's name when known, the words (a Chinese reader sees Chinese ones). */
function ReasonText({ reason }: { reason: DecisionReason }) {
  const { t, i18n } = useTranslation();
  const known = i18n.exists(`benefitPages.decision.codes.${reason.code}`);
  const award = /from (\d{4}-\d{2}): (\d+) contribution months \(minimum (\d+)\)/.exec(reason.message);
  const words =
    i18n.language === 'en' || hasChinese(reason.message)
      ? reason.message
      : award
        ? t('benefitPages.decision.awardReason', {
            month: formatPeriod(award[1]!, i18n.language),
            months: award[2],
            minimum: award[3],
          })
        : known
          ? ''
          : reason.message;
  return (
    <>
      {known && <strong>{t(`benefitPages.decision.codes.${reason.code as 'eligible'}`)}</strong>}
      {known && words && '：'}
      {words}
      <div className="benefit-reason-source">
        {t('benefitPages.decision.source')}：{sourcesText(t, reason.source, i18n.language)}
      </div>
    </>
  );
}

/**
 * The decision: award or refusal, its day, and every reason with its legal source. A request to correct
 * the record that was granted reads as granted (the server's decision vocabulary calls it an award).
 */
export function DecisionView({
  decision,
  applicationKind,
}: {
  decision: NonNullable<Application['decision']>;
  applicationKind?: Application['kind'];
}) {
  const { t } = useTranslation();
  const label =
    decision.kind === 'award' && applicationKind === 'record-correction' ? 'granted' : decision.kind;
  return (
    <Alert
      className="benefit-decision"
      type={decision.kind === 'award' ? 'success' : 'warning'}
      showIcon
      title={`${t(`benefitPages.decision.${label}`)} · ${t('benefitPages.decision.decidedOn')} ${decision.decidedOn}`}
      description={
        <ol className="benefit-reasons" aria-label={t('benefitPages.decision.reasons')}>
          {decision.reasons.map((reason, index) => (
            <li key={index}>
              <ReasonText reason={reason} />
            </li>
          ))}
        </ol>
      }
    />
  );
}

/** The documents of an application, each downloadable as it was attached. */
export function DocumentsTable({ application }: { application: Application }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<ApplicationDocument>
      className="benefit-documents"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={application.documents}
      locale={{ emptyText: t('benefitPages.documents.empty') }}
      scroll={{ x: 560 }}
      columns={[
        {
          title: t('benefitPages.documents.kind'),
          dataIndex: 'kind',
          render: (kind: string) => documentKindLabel(t, kind),
        },
        {
          title: t('benefitPages.documents.fileName'),
          key: 'file',
          render: (_, document) => (
            <a href={documentUrl(application.id, document.id)} download={document.fileName}>
              <DownloadOutlined aria-hidden /> <code>{document.fileName}</code>
            </a>
          ),
        },
        {
          title: t('benefitPages.documents.size'),
          dataIndex: 'sizeBytes',
          align: 'right',
          render: (size: number) => t('benefitPages.documents.sizeKb', { size: (size / 1024).toFixed(1) }),
        },
        {
          title: t('benefitPages.documents.recordedAt'),
          dataIndex: 'recordedAt',
          render: (at: string) => formatChinaTime(at, i18n.language),
        },
      ]}
    />
  );
}

/** What the application claims, by kind. */
export function FactsView({ application }: { application: Application }) {
  const { t, i18n } = useTranslation();
  const facts = application.facts as Record<string, unknown>;
  const items: { label: string; value: ReactNode }[] = [];
  if (application.kind === 'pension') {
    const payee = facts.payee as { kind: 'bank' | 'card'; account: string } | undefined;
    if (payee)
      items.push({
        label: t('benefitPages.facts.payee'),
        value: (
          <>
            {t(`benefitPages.facts.payeeKinds.${payee.kind}`)} <code>{payee.account}</code>
          </>
        ),
      });
    if (typeof facts.retirementGroup === 'string')
      items.push({
        label: t('benefitPages.facts.retirementGroup'),
        value: t(`benefitPages.facts.groups.${facts.retirementGroup as 'male'}`),
      });
    items.push({
      label: t('benefitPages.facts.chosenMonth'),
      value:
        typeof facts.chosenMonth === 'string'
          ? formatPeriod(facts.chosenMonth, i18n.language)
          : t('benefitPages.facts.statutory'),
    });
    items.push({
      label: t('benefitPages.facts.deemedMonthsClaimed'),
      value: t('benefitPages.facts.monthsValue', { count: Number(facts.deemedMonthsClaimed ?? 0) }),
    });
  } else if (application.kind !== 'record-correction') {
    items.push(...claimFactItems(t, application));
  } else {
    if (typeof facts.what === 'string')
      items.push({
        label: t('benefitPages.facts.what'),
        value: t(`benefitPages.facts.whats.${facts.what as 'missing-month'}`),
      });
    if (Array.isArray(facts.periods))
      items.push({
        label: t('benefitPages.facts.periods'),
        value: (facts.periods as string[]).map((period) => formatPeriod(period, i18n.language)).join('、'),
      });
    if (typeof facts.claimedBaseFen === 'number')
      items.push({ label: t('benefitPages.facts.claimedBase'), value: formatYuan(facts.claimedBaseFen) });
    if (typeof facts.description === 'string')
      items.push({ label: t('benefitPages.facts.description'), value: facts.description });
  }
  if (typeof facts.note === 'string' && facts.note)
    items.push({ label: t('benefitPages.facts.note'), value: facts.note });
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
      {items.map((item) => (
        <Descriptions.Item key={item.label} label={item.label}>
          {item.value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** The heading facts of an application: number, kind, filed when and how, its state. */
export function ApplicationSummary({ application }: { application: Application }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('benefitPages.common.applicationNo')}>
        {application.applicationNo}
      </Descriptions.Item>
      <Descriptions.Item label={t('benefitPages.common.kind')}>
        {t(`benefitPages.kinds.${application.kind}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('benefitPages.common.filedOn')}>{application.filedOn}</Descriptions.Item>
      <Descriptions.Item label={t('benefitPages.common.filedBy')}>
        {t(`benefitPages.filedBy.${application.filedBy}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('benefitPages.common.state')}>
        <StateTag state={application.state} />
      </Descriptions.Item>
    </Descriptions>
  );
}
