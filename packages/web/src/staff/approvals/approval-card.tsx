import { useMutation, useQueryClient } from '@tanstack/react-query';
import { regionCodePrefix } from '@shebao/domain';
import { App as AntApp, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { UserView } from '../../api/pending-paths.ts';
import type { paths } from '../../api/schema.ts';
import { dataOf } from '../api-data.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import { formatChinaTime, formatPeriod, formatYuan } from '../../shell/format.ts';
import {
  formatParameterValue,
  parameterLabel,
  sourceParts,
  tableFieldNames,
} from '../policy/parameter-value.ts';

export type Approval =
  paths['/api/approvals']['get']['responses'][200]['content']['application/json']['items'][number];

/** The kinds this page names; a kind added later is shown by its code, with its payload as it is. */
const KNOWN_KINDS = new Set(['policy.addVersion', 'registration.correctBase', 'payments.reverse']);

function covers(regionCodes: readonly string[], regionCode: string): boolean {
  return regionCodes.some((granted) => regionCode.startsWith(regionCodePrefix(granted)));
}

function payloadText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

const PERIOD_FIELDS = new Set(['validFrom', 'validTo', 'period', 'cycleStart']);
const DIMENSION_FIELDS = new Set(['insurance', 'party', 'category']);

/**
 * A payload field for people: amounts (the API's `…Fen` fields) in yuan, a policy version's parameter by
 * its name and its value in the parameter's unit, months as months, scope dimensions by name; anything
 * else, of any kind to come, as it is.
 */
function payloadField(
  t: Translate,
  language: string,
  kind: string,
  payload: Record<string, unknown>,
  key: string,
  value: unknown,
): string {
  if (key.endsWith('Fen') && typeof value === 'number') return formatYuan(value);
  if (kind === 'policy.addVersion' && key === 'name' && typeof value === 'string')
    return parameterLabel(t, value);
  if (kind === 'policy.addVersion' && key === 'value' && typeof payload.name === 'string')
    return formatParameterValue(payload.name, value, tableFieldNames(t, language));
  if (kind === 'policy.addVersion' && key === 'source' && typeof value === 'string')
    return sourceParts(value).text;
  if (PERIOD_FIELDS.has(key) && typeof value === 'string' && /^\d{4}-\d{2}$/.test(value))
    return formatPeriod(value, language);
  if (DIMENSION_FIELDS.has(key))
    return value === null
      ? t('staffPages.terms.notLimited')
      : t(`staffPages.dimensions.${key}.${String(value)}`, { defaultValue: String(value) });
  return payloadText(value);
}

/** A payload field's name for people; a field added later shows its key as code. */
function PayloadLabel({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const key = `staffPages.terms.approvalFields.${name}`;
  return i18n.exists(key) ? <>{t(key as 'staffPages.terms.approvalFields.name')}</> : <code>{name}</code>;
}

/** One proposal: what it changes, who proposed it, and the decision (or the buttons to make it). */
export function ApprovalCard({ approval, user }: { approval: Approval; user: UserView }) {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as Translate;
  const { message } = AntApp.useApp();
  const headingId = useId();
  const noteId = useId();
  const [note, setNote] = useState('');
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => {
      const request = {
        params: { path: { approvalId: String(approval.id) } },
        body: note.trim() ? { note: note.trim() } : {},
      };
      return dataOf(() =>
        decision === 'approve'
          ? api.POST('/api/approvals/{approvalId}/approve', request)
          : api.POST('/api/approvals/{approvalId}/reject', request),
      );
    },
    onSuccess: (_result, decision) => {
      // The card leaves the list of pending approvals: say what happened.
      void message.success(
        t(decision === 'approve' ? 'staffPages.terms.approvedMessage' : 'staffPages.terms.rejectedMessage', {
          id: approval.id,
        }),
      );
      void queryClient.invalidateQueries({ queryKey: ['staff', 'approvals'] });
      void queryClient.invalidateQueries({ queryKey: ['staff', 'policy'] });
    },
  });
  const kindLabel = KNOWN_KINDS.has(approval.kind)
    ? t(`staffPages.approvals.kinds.${approval.kind as 'policy.addVersion'}`)
    : approval.kind;
  const mine = approval.proposedBy === user.id;
  const fields =
    approval.payload !== null && typeof approval.payload === 'object' && !Array.isArray(approval.payload)
      ? (approval.payload as Record<string, unknown>)
      : { payload: approval.payload };
  return (
    <Card className="approval-card" role="article" aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} className="section-title">
        {t('staffPages.approvals.heading', { id: approval.id, kind: kindLabel })}{' '}
        <Tag
          color={approval.status === 'pending' ? 'gold' : approval.status === 'approved' ? 'green' : 'red'}
        >
          {t(`staffPages.approvals.statuses.${approval.status}`)}
        </Tag>
      </Typography.Title>
      {/* The server's summary is English for API clients: the known kinds are shown field by field. */}
      {!KNOWN_KINDS.has(approval.kind) && <Typography.Paragraph>{approval.summary}</Typography.Paragraph>}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('staffPages.common.region')}>{approval.regionCode}</Descriptions.Item>
        <Descriptions.Item label={t('staffPages.approvals.kind')}>{kindLabel}</Descriptions.Item>
        <Descriptions.Item label={t('staffPages.approvals.proposedBy')}>
          {mine ? t('staffPages.approvals.you') : approval.proposedByName}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffPages.approvals.proposedAt')}>
          {formatChinaTime(approval.proposedAt, i18n.language)}
        </Descriptions.Item>
        {approval.decidedAt && (
          <Descriptions.Item label={t('staffPages.approvals.decided')}>
            {t('staffPages.approvals.decidedBy', {
              who:
                approval.decidedBy === user.id
                  ? t('staffPages.approvals.you')
                  : (approval.decidedByName ?? ''),
              at: formatChinaTime(approval.decidedAt, i18n.language),
            })}
            {approval.decisionNote ? ` — ${approval.decisionNote}` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={3} className="subsection-title">
        {t('staffPages.approvals.payload')}
      </Typography.Title>
      <Descriptions size="small" column={1} bordered>
        {Object.entries(fields).map(([key, value]) => (
          <Descriptions.Item key={key} label={<PayloadLabel name={key} />}>
            {payloadField(translate, i18n.language, approval.kind, fields, key, value)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {approval.status === 'approved' && approval.result !== null && (
        <Typography.Paragraph className="approval-result">
          {t('staffPages.approvals.result')} <code>{payloadText(approval.result)}</code>
        </Typography.Paragraph>
      )}
      {approval.status === 'pending' && (
        <div className="approval-actions">
          {mine ? (
            <Typography.Paragraph type="secondary">
              {t('staffPages.approvals.ownProposal')}
            </Typography.Paragraph>
          ) : !user.roles.includes('admin') || !covers(user.regionCodes, approval.regionCode) ? (
            <Typography.Paragraph type="secondary">{t('staffPages.approvals.notYours')}</Typography.Paragraph>
          ) : (
            <>
              <label htmlFor={noteId}>{t('staffPages.approvals.note')}</label>
              <Input.TextArea
                id={noteId}
                rows={2}
                maxLength={500}
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
              <Space className="approval-buttons">
                <Button
                  type="primary"
                  loading={decide.isPending && decide.variables === 'approve'}
                  disabled={decide.isPending}
                  onClick={() => decide.mutate('approve')}
                >
                  {t('staffPages.approvals.approve')}
                </Button>
                <Button
                  danger
                  loading={decide.isPending && decide.variables === 'reject'}
                  disabled={decide.isPending}
                  onClick={() => decide.mutate('reject')}
                >
                  {t('staffPages.approvals.reject')}
                </Button>
              </Space>
              <div aria-live="polite">
                {decide.isError && <ProblemAlert error={decide.error} describe={problemMessage} />}
              </div>
            </>
          )}
        </div>
      )}
    </Card>
  );
}
