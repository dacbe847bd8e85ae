import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { refuseApplication, type Application, type DecisionReason } from '../../benefits/benefits-api.ts';
import { clearCase, identifyInjury } from '../../benefits/claims-api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import { ReasonFields } from './reason-fields.tsx';
import { useApplied } from './use-applied.ts';

const I = 'benefitPages.claims.injury';

/** The exclusions of WIIR Art. 16 (SIL Art. 37), each with its article, offered as a refusal's reason. */
const EXCLUSIONS = [
  { code: 'intentional-crime', source: 'WIIR Art. 16(1); SIL Art. 37(1)' },
  { code: 'intoxication', source: 'WIIR Art. 16(2); SIL Art. 37(2)' },
  { code: 'self-harm', source: 'WIIR Art. 16(3); SIL Art. 37(3)' },
] as const;

const trimmed = (reasons: DecisionReason[]): DecisionReason[] =>
  reasons.map((reason) => ({
    code: reason.code.trim(),
    message: reason.message.trim(),
    source: reason.source.trim(),
  }));

/** A clear case: the decision is due within 15 days of filing (WIIR Art. 20; docs/RULES.md 15.15). */
export function ClearCase({ application }: { application: Application }) {
  const { t } = useTranslation();
  const applied = useApplied();
  const mark = useMutation({ mutationFn: () => clearCase(application.id), onSuccess: applied });
  return (
    <Card size="small" title={<h3 className="benefit-card-title">{t(`${I}.clearCaseTitle`)}</h3>}>
      <Typography.Paragraph type="secondary">{t(`${I}.clearCaseHint`)}</Typography.Paragraph>
      <div aria-live="polite">
        {mark.isError && <ProblemAlert error={mark.error} describe={problemMessage} />}
        {mark.isSuccess && (
          <Typography.Paragraph type="success" role="status">
            {t(`${I}.clearCaseDone`)}
          </Typography.Paragraph>
        )}
      </div>
      <Button loading={mark.isPending} onClick={() => mark.mutate()}>
        {t(`${I}.clearCase`)}
      </Button>
    </Card>
  );
}

/** Identifying the injury with the reasons and their articles; the server adds the employer's lateness. */
export function IdentifyForm({ application }: { application: Application }) {
  const { t } = useTranslation();
  const applied = useApplied();
  const identify = useMutation({
    mutationFn: (reasons: DecisionReason[]) => identifyInjury(application.id, reasons),
    onSuccess: applied,
  });
  return (
    <Card size="small" title={<h3 className="benefit-card-title">{t(`${I}.identifyTitle`)}</h3>}>
      <Typography.Paragraph type="secondary">{t(`${I}.identifyHint`)}</Typography.Paragraph>
      <Form<{ reasons: DecisionReason[] }>
        layout="vertical"
        name="identification"
        initialValues={{
          reasons: [{ code: 'work-injury', message: t(`${I}.defaultReason`), source: 'WIIR Art. 14' }],
        }}
        onFinish={(values) => identify.mutate(trimmed(values.reasons))}
      >
        <ReasonFields />
        <div aria-live="polite" className="benefit-section">
          {identify.isError && <ProblemAlert error={identify.error} describe={problemMessage} />}
        </div>
        <Button type="primary" htmlType="submit" loading={identify.isPending} className="benefit-section">
          {t(`${I}.identify`)}
        </Button>
      </Form>
    </Card>
  );
}

/** Refusing an identification, an exclusion of WIIR Art. 16 offered with its article. */
export function RefuseInjuryForm({ application }: { application: Application }) {
  const { t } = useTranslation();
  const applied = useApplied();
  const [form] = Form.useForm<{ reasons: DecisionReason[] }>();
  const refuse = useMutation({
    mutationFn: (reasons: DecisionReason[]) => refuseApplication(application.id, reasons),
    onSuccess: applied,
  });
  const choose = (code: string) => {
    const exclusion = EXCLUSIONS.find((item) => item.code === code);
    form.setFieldValue(
      ['reasons', 0],
      exclusion
        ? { code: exclusion.code, message: t(`${I}.presets.${exclusion.code}`), source: exclusion.source }
        : { code: '', message: '', source: '' },
    );
  };
  return (
    <Card size="small" title={<h3 className="benefit-card-title">{t(`${I}.refuseTitle`)}</h3>}>
      <div className="benefit-toolbar-field">
        <label htmlFor="refuse-preset">{t(`${I}.presetLabel`)}</label>
        <Select
          id="refuse-preset"
          className="claim-select"
          defaultValue=""
          onChange={choose}
          options={[
            { value: '', label: t(`${I}.presetNone`) },
            ...EXCLUSIONS.map((item) => ({ value: item.code, label: t(`${I}.presets.${item.code}`) })),
          ]}
        />
        <Typography.Text type="secondary">{t(`${I}.presetHint`)}</Typography.Text>
      </div>
      <Form<{ reasons: DecisionReason[] }>
        form={form}
        layout="vertical"
        name="injury-refusal"
        className="benefit-section"
        initialValues={{ reasons: [{ code: '', message: '', source: '' }] }}
        onFinish={(values) => refuse.mutate(trimmed(values.reasons))}
      >
        <ReasonFields />
        <div aria-live="polite" className="benefit-section">
          {refuse.isError && <ProblemAlert error={refuse.error} describe={problemMessage} />}
        </div>
        <Button
          danger
          type="primary"
          htmlType="submit"
          loading={refuse.isPending}
          className="benefit-section"
        >
          {t('benefitPages.staff.application.refuse')}
        </Button>
      </Form>
    </Card>
  );
}
