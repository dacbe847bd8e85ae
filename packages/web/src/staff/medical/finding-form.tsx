import { PENALTY_ARTICLES } from '@shebao/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { Money } from '../../medical/money-cell.tsx';
import { ArticleChoice } from './article-choice.tsx';
import { PenaltyPreview } from './penalty-preview.tsx';
import {
  allowanceOf,
  checkPenalty,
  penaltyProblems,
  type PenaltyProblem,
  type PenaltyValues,
} from './penalty-terms.ts';
import { describeRefusal } from './refusal.tsx';
import { proposeFinding, type FindingSubject, type NewFinding, type Review } from './supervision-api.ts';

const F = 'medicalFundPages.finding';

interface Values extends PenaltyValues {
  subject: FindingSubject;
  description: string;
}

/** The field each problem of a penalty is shown at. */
const PROBLEM_FIELDS: Record<PenaltyProblem, keyof Values> = {
  noArticle: 'article',
  loss: 'loss',
  lossAboveStanding: 'loss',
  multiple: 'multiple',
  multipleOutOfRange: 'multiple',
  suspensionNotAllowed: 'suspensionMonths',
  suspensionOutOfRange: 'suspensionMonths',
  terminateNotAllowed: 'terminate',
  terminateAndSuspend: 'terminate',
};

/** The claims under the flags, each once: several rules may flag one claim. */
function claimsOf(flags: Review[]) {
  return [...new Map(flags.map((flag) => [flag.claim.claimNo, flag.claim])).values()];
}

/**
 * Proposes a finding over the selected open flags (docs/RULES.md 16.7): against the institution or the
 * person, under an article whose conduct and allowed penalty the form shows, with what was found, the
 * amount the fund lost (not more than it paid on those claims), the fine's multiple and a suspension or
 * termination where the article allows one; and, as it is typed, the fine it comes to. It applies only once
 * a second officer approves it on the findings page. Once proposed, the flags leave the queue and the
 * selection with them; the proposal's number stays in sight.
 */
export function FindingForm({ flags, onProposed }: { flags: Review[]; onProposed: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const propose = useMutation({
    mutationFn: (body: NewFinding) => proposeFinding(body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['medical', 'reviews'] });
      void queryClient.invalidateQueries({ queryKey: ['medical', 'findings'] });
      onProposed();
    },
  });
  return (
    <div className="medical-finding">
      <div aria-live="polite">
        {propose.isSuccess && (
          <Alert
            className="medical-outcome"
            type="success"
            showIcon
            role="status"
            data-finding-no={propose.data.findingNo}
            title={t(`${F}.proposed`, { findingNo: propose.data.findingNo })}
            action={<Link to="/staff/medical/findings">{t(`${F}.openFindings`)}</Link>}
          />
        )}
      </div>
      {flags.length === 0 ? (
        <Typography.Paragraph type="secondary">
          {t('medicalFundPages.reviews.selectFirst')}
        </Typography.Paragraph>
      ) : (
        <FindingFields
          flags={flags}
          pending={propose.isPending}
          error={propose.isError ? propose.error : null}
          onSubmit={(body) => propose.mutate(body)}
        />
      )}
    </div>
  );
}

/** The finding's fields over flags selected (at least one), checked as typed; sends what they come to. */
function FindingFields({
  flags,
  pending,
  error,
  onSubmit,
}: {
  flags: Review[];
  pending: boolean;
  error: unknown;
  onSubmit: (body: NewFinding) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const subject = Form.useWatch('subject', form) ?? 'institution';
  const penalty: PenaltyValues = {
    article: Form.useWatch('article', form),
    loss: Form.useWatch('loss', form),
    multiple: Form.useWatch('multiple', form),
    suspensionMonths: Form.useWatch('suspensionMonths', form),
    terminate: Form.useWatch('terminate', form),
  };
  const first = flags[0]!;
  const claims = claimsOf(flags);
  const standingFen = claims.reduce((total, claim) => total + claim.pooledFen + claim.accountFen, 0);
  const subjects = new Set(
    flags.map((flag) => (subject === 'institution' ? flag.institution.id : flag.person.id)),
  );
  const mixed = subjects.size > 1;
  const check = checkPenalty(penalty, standingFen);
  const allowance = penalty.article ? allowanceOf(penalty.article) : undefined;
  /** A field's rule: the penalty's problem at this field, if it has one. */
  const penaltyRule = (field: keyof Values) => ({
    validator: async () => {
      const problem = penaltyProblems(form.getFieldsValue(), standingFen).find(
        (found) => PROBLEM_FIELDS[found] === field,
      );
      if (problem) throw new Error(t(`${F}.problems.${problem}`));
    },
  });
  const submit = (values: Values) => {
    const checked = checkPenalty(values, standingFen);
    if (!checked.ok || !values.article) return;
    onSubmit({
      flagIds: flags.map((flag) => flag.id),
      subject: values.subject,
      article: values.article,
      description: values.description.trim(),
      lossFen: checked.lossFen,
      multiplePpm: checked.multiplePpm,
      suspensionMonths: checked.suspensionMonths,
      terminate: checked.terminate,
    });
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="propose-finding"
      requiredMark={false}
      className="medical-form"
      initialValues={{ subject: 'institution', suspensionMonths: 0, terminate: false }}
      onValuesChange={(changed: Partial<Values>) => {
        // Another subject has other articles; an article that suspends or ends nothing clears those.
        if ('subject' in changed)
          form.setFieldsValue({ article: undefined, suspensionMonths: 0, terminate: false });
        if (changed.article) {
          const terms = PENALTY_ARTICLES[changed.article];
          if (!terms.suspensionMonths) form.setFieldValue('suspensionMonths', 0);
          if (!terms.terminate) form.setFieldValue('terminate', false);
        }
      }}
      onFinish={submit}
    >
      <div className="medical-finding-claims">
        <Typography.Paragraph>
          {t(`${F}.selected`, { count: flags.length })}{' '}
          {claims.map((claim) => (
            <code key={claim.claimNo} className="medical-claim-no">
              {claim.claimNo}
            </code>
          ))}
        </Typography.Paragraph>
        <Typography.Paragraph>
          {t(`${F}.standing`)} <Money fen={standingFen} name="standingFen" />
        </Typography.Paragraph>
      </div>
      <Form.Item name="subject" label={t(`${F}.subject`)}>
        <Radio.Group
          optionType="button"
          options={(['institution', 'person'] as const).map((value) => ({
            value,
            label: t(`${F}.subjects.${value}`),
          }))}
        />
      </Form.Item>
      {mixed ? (
        <Alert
          className="medical-outcome"
          type="warning"
          showIcon
          title={t(subject === 'institution' ? `${F}.mixedInstitutions` : `${F}.mixedPersons`)}
        />
      ) : (
        <Typography.Paragraph strong data-subject={subject}>
          {t(`${F}.subjectValue`, {
            name:
              subject === 'institution'
                ? first.institution.name
                : `${first.person.name} ${first.person.idNumberMasked}`,
          })}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="article"
        label={t(`${F}.article`)}
        rules={[{ required: true, message: t(`${F}.articleRequired`) }]}
      >
        <ArticleChoice subject={subject} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t(`${F}.description`)}
        rules={[{ required: true, whitespace: true, min: 4, message: t(`${F}.descriptionRequired`) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      <Form.Item
        name="loss"
        label={t(`${F}.loss`)}
        extra={
          <>
            {t(`${F}.lossHelp`)} <Money fen={standingFen} />
          </>
        }
        rules={[penaltyRule('loss')]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="multiple"
        label={t(`${F}.multiple`)}
        extra={allowance && t(`${F}.multipleHelp`, { low: allowance.low, high: allowance.high })}
        dependencies={['article']}
        rules={[penaltyRule('multiple')]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      {allowance?.suspension && (
        <Form.Item
          name="suspensionMonths"
          label={t(`${F}.suspensionMonths`)}
          extra={t(`${F}.suspensionHelp`, { from: allowance.suspension[0], to: allowance.suspension[1] })}
          dependencies={['article', 'terminate']}
          rules={[penaltyRule('suspensionMonths')]}
        >
          <InputNumber min={0} max={12} precision={0} disabled={penalty.terminate === true} />
        </Form.Item>
      )}
      {allowance?.terminate && (
        <Form.Item
          name="terminate"
          valuePropName="checked"
          dependencies={['suspensionMonths']}
          rules={[penaltyRule('terminate')]}
        >
          <Checkbox>{t(`${F}.terminate`)}</Checkbox>
        </Form.Item>
      )}
      <PenaltyPreview check={check} subject={subject} />
      <div aria-live="polite">
        {error !== null && <ProblemAlert error={error} describe={describeRefusal(t(`${F}.refused`))} />}
      </div>
      <Button type="primary" htmlType="submit" loading={pending} disabled={mixed}>
        {t(`${F}.submit`)}
      </Button>
    </Form>
  );
}
