import { formatFenAsYuan, parseYuanToFen } from '@shebao/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import {
  benefitKeys,
  proposeCorrection,
  type Application,
  type DecisionReason,
  type RecordChange,
} from '../../benefits/benefits-api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { DateField, MonthField } from '../../shell/date-field.tsx';
import { problemMessage } from '../problem-message.tsx';
import { ReasonFields } from './reason-fields.tsx';

/** A change as the form holds it: money in yuan as typed, turned into fen exactly when sent. */
interface ChangeValues {
  kind: RecordChange['kind'];
  employerId?: number;
  cycleStart?: string;
  declaredYuan?: string;
  hiredOn?: string;
  leftOn?: string;
  wageYuan?: string;
  employmentId?: number;
}

interface ProposalValues {
  changes: ChangeValues[];
  reasons: DecisionReason[];
}

const YUAN = /^\d{1,7}(\.\d{1,2})?$/;
const C = 'benefitPages.recordCorrection.form';

/** The change the request suggests: a base for a wrong base, a spell added or ended otherwise. */
function firstChange(application: Application): ChangeValues {
  const facts = application.facts as { what?: string; employerId?: number; claimedBaseFen?: number };
  const employer = facts.employerId === undefined ? {} : { employerId: facts.employerId };
  if (facts.what === 'wrong-base')
    return {
      kind: 'base',
      ...employer,
      ...(facts.claimedBaseFen ? { declaredYuan: formatFenAsYuan(facts.claimedBaseFen) } : {}),
    };
  return facts.what === 'wrong-employer' ? { kind: 'leave' } : { kind: 'hire', ...employer };
}

function toChange(values: ChangeValues): RecordChange {
  if (values.kind === 'base')
    return {
      kind: 'base',
      employerId: values.employerId!,
      cycleStart: values.cycleStart!,
      declaredFen: parseYuanToFen(values.declaredYuan!, 'declaredYuan'),
    };
  if (values.kind === 'hire')
    return {
      kind: 'hire',
      employerId: values.employerId!,
      hiredOn: values.hiredOn!,
      ...(values.leftOn ? { leftOn: values.leftOn } : {}),
      ...(values.wageYuan ? { monthlyWageFen: parseYuanToFen(values.wageYuan, 'wageYuan') } : {}),
    };
  return { kind: 'leave', employmentId: values.employmentId!, leftOn: values.leftOn! };
}

/**
 * Proposing the correction of a request to correct the record (docs/RULES.md 14.19): the changes to the
 * register (a corrected base for a contribution year, a spell of employment added or ended) and the reasons,
 * each with its legal source. A second officer approves it; the server checks every change first.
 */
export function ProposeCorrection({ application }: { application: Application }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = useRef(newIdempotencyKey());
  const required = [{ required: true, message: t(`${C}.required`) }];
  const propose = useMutation({
    mutationFn: (values: ProposalValues) =>
      proposeCorrection(
        application.id,
        {
          changes: values.changes.map(toChange),
          reasons: values.reasons.map((reason) => ({
            code: reason.code.trim(),
            message: reason.message.trim(),
            source: reason.source.trim(),
          })),
        },
        key.current,
      ),
    onSuccess: () => {
      key.current = newIdempotencyKey();
      void client.invalidateQueries({ queryKey: benefitKeys.all });
    },
  });
  return (
    <Card size="small" title={<h3 className="benefit-card-title">{t(`${C}.title`)}</h3>}>
      <Typography.Paragraph type="secondary">{t(`${C}.hint`)}</Typography.Paragraph>
      <Form<ProposalValues>
        layout="vertical"
        name="record-correction"
        initialValues={{
          changes: [firstChange(application)],
          reasons: [{ code: '', message: '', source: 'PRRM' }],
        }}
        onFinish={(values) => propose.mutate(values)}
      >
        <Form.List name="changes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <fieldset
                  key={field.key}
                  className="benefit-fieldset benefit-section record-correction-change"
                >
                  <legend>{t(`${C}.change`, { n: field.name + 1 })}</legend>
                  <Form.Item name={[field.name, 'kind']} label={t(`${C}.kind`)} rules={required}>
                    <Select
                      options={(['base', 'hire', 'leave'] as const).map((kind) => ({
                        value: kind,
                        label: t(`${C}.kinds.${kind}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => (
                      <ChangeFields
                        name={field.name}
                        kind={getFieldValue(['changes', field.name, 'kind']) as ChangeValues['kind']}
                      />
                    )}
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button onClick={() => remove(field.name)}>{t(`${C}.removeChange`)}</Button>
                  )}
                </fieldset>
              ))}
              <Button className="benefit-section" onClick={() => add({ kind: 'base' })}>
                {t(`${C}.addChange`)}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={4} className="subsection-title">
          {t(`${C}.reasons`)}
        </Typography.Title>
        <ReasonFields />
        <div aria-live="polite" className="benefit-section">
          {propose.isError && <ProblemAlert error={propose.error} describe={problemMessage} />}
          {propose.isSuccess && (
            <Alert
              role="status"
              type="success"
              showIcon
              title={t(`${C}.proposed`, { id: propose.data.id })}
            />
          )}
        </div>
        <Button type="primary" htmlType="submit" loading={propose.isPending} className="benefit-section">
          {t(`${C}.submit`)}
        </Button>
      </Form>
    </Card>
  );
}

/** The fields of one kind of change. */
function ChangeFields({ name, kind }: { name: number; kind: ChangeValues['kind'] | undefined }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t(`${C}.required`) }];
  const yuan = (isRequired: boolean) => [
    ...(isRequired ? required : []),
    { pattern: YUAN, message: t(`${C}.yuanInvalid`) },
  ];
  const employer = (
    <Form.Item name={[name, 'employerId']} label={t(`${C}.employerId`)} rules={required}>
      <InputNumber min={1} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  if (kind === 'base')
    return (
      <>
        {employer}
        <Form.Item
          name={[name, 'cycleStart']}
          label={t(`${C}.cycleStart`)}
          extra={t(`${C}.cycleStartHelp`)}
          rules={required}
        >
          <MonthField block />
        </Form.Item>
        <Form.Item name={[name, 'declaredYuan']} label={t(`${C}.declaredYuan`)} rules={yuan(true)}>
          <Input inputMode="decimal" />
        </Form.Item>
      </>
    );
  if (kind === 'hire')
    return (
      <>
        {employer}
        <Form.Item name={[name, 'hiredOn']} label={t(`${C}.hiredOn`)} rules={required}>
          <DateField block />
        </Form.Item>
        <Form.Item name={[name, 'leftOn']} label={t(`${C}.leftOnOptional`)}>
          <DateField block allowClear />
        </Form.Item>
        <Form.Item name={[name, 'wageYuan']} label={t(`${C}.wageYuan`)} rules={yuan(false)}>
          <Input inputMode="decimal" />
        </Form.Item>
      </>
    );
  if (kind === 'leave')
    return (
      <>
        <Form.Item name={[name, 'employmentId']} label={t(`${C}.employmentId`)} rules={required}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={[name, 'leftOn']} label={t(`${C}.leftOn`)} rules={required}>
          <DateField block />
        </Form.Item>
      </>
    );
  return null;
}
