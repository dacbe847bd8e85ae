import { parseYuanToFen } from '@shebao/domain';
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaToday } from '../shell/agency-clock.ts';
import { DateField } from '../shell/date-field.tsx';

const M = 'benefitPages.claims.injuryMedical';
const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;

/** The form's values of a claim of injury benefits: the disability benefits, or the medical costs. */
export interface InjuryMedicalValues {
  claimWhat?: 'disability' | 'medical';
  institution?: string;
  treatedFrom?: string;
  treatedTo?: string;
  costs?: string;
  covered?: string;
}

/** The medical facts the server takes (docs/RULES.md 15.24), amounts typed in yuan. */
export function injuryMedicalOf(values: InjuryMedicalValues) {
  return {
    medical: {
      institution: (values.institution ?? '').trim(),
      treatedFrom: values.treatedFrom!,
      treatedTo: values.treatedTo!,
      costsFen: parseYuanToFen(values.costs!.trim(), 'costs'),
      coveredFen: parseYuanToFen(values.covered!.trim(), 'covered'),
    },
  };
}

/**
 * What a claim of injury benefits asks for: the benefits of the disability, or the medical costs paid at an
 * agreement institution, with the institution, the days of treatment and the costs its bill gives (WIIR Art. 30).
 */
export function InjuryMedicalFields({ claimWhat }: { claimWhat: string | undefined }) {
  const { t } = useTranslation();
  const today = chinaToday();
  const amount = [
    { required: true, message: t(`${M}.amountInvalid`) },
    { pattern: AMOUNT, message: t(`${M}.amountInvalid`) },
  ];
  return (
    <>
      <Form.Item name="claimWhat" label={t(`${M}.claimWhat`)}>
        <Radio.Group
          options={(['disability', 'medical'] as const).map((value) => ({
            value,
            label: t(`${M}.what.${value}`),
          }))}
        />
      </Form.Item>
      {claimWhat === 'medical' && (
        <fieldset className="benefit-fieldset">
          <legend>{t(`${M}.title`)}</legend>
          <Form.Item
            name="institution"
            label={t(`${M}.institution`)}
            rules={[{ required: true, whitespace: true, message: t(`${M}.institutionRequired`) }]}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="treatedFrom"
            label={t(`${M}.treatedFrom`)}
            rules={[{ required: true, message: t(`${M}.dateRequired`) }]}
          >
            <DateField max={today} block />
          </Form.Item>
          <Form.Item
            name="treatedTo"
            label={t(`${M}.treatedTo`)}
            rules={[{ required: true, message: t(`${M}.dateRequired`) }]}
          >
            <DateField max={today} block />
          </Form.Item>
          <Form.Item name="costs" label={t(`${M}.costs`)} rules={amount}>
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
          <Form.Item name="covered" label={t(`${M}.covered`)} extra={t(`${M}.coveredHint`)} rules={amount}>
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
        </fieldset>
      )}
    </>
  );
}
