import { Checkbox, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaToday } from '../shell/agency-clock.ts';
import { DateField } from '../shell/date-field.tsx';

const D = 'benefitPages.claims.death';

/** The form's values of a death from a work injury. */
export interface InjuryDeathValues {
  died?: boolean;
  diedOn?: string;
  claimantName?: string;
  spouse?: boolean;
  otherDependents?: number;
  orphansOrLoneElderly?: number;
}

/** The death facts the server takes (docs/RULES.md 15.17), where the injured person died of the injury. */
export function injuryDeathOf(values: InjuryDeathValues) {
  if (!values.died) return {};
  return {
    death: {
      diedOn: values.diedOn!,
      claimantName: (values.claimantName ?? '').trim(),
      spouse: values.spouse ?? false,
      otherDependents: values.otherDependents ?? 0,
      orphansOrLoneElderly: values.orphansOrLoneElderly ?? 0,
    },
  };
}

/**
 * The survivors' claim at the counter when the injured person died of the injury (WIIR Art. 39): the day of
 * death, the survivor who claims for all, and the dependents the survivors' pension is reckoned on.
 */
export function InjuryDeathFields({ died }: { died: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="died" valuePropName="checked" extra={t(`${D}.diedHint`)}>
        <Checkbox>{t(`${D}.died`)}</Checkbox>
      </Form.Item>
      {died && (
        <fieldset className="benefit-fieldset">
          <legend>{t(`${D}.title`)}</legend>
          <Form.Item
            name="diedOn"
            label={t(`${D}.diedOn`)}
            rules={[{ required: true, message: t(`${D}.diedOnRequired`) }]}
          >
            <DateField max={chinaToday()} block />
          </Form.Item>
          <Form.Item
            name="claimantName"
            label={t(`${D}.claimantName`)}
            extra={t(`${D}.claimantHint`)}
            rules={[{ required: true, whitespace: true, message: t(`${D}.claimantRequired`) }]}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item name="spouse" valuePropName="checked">
            <Checkbox>{t(`${D}.spouse`)}</Checkbox>
          </Form.Item>
          <Form.Item name="otherDependents" label={t(`${D}.otherDependents`)} extra={t(`${D}.otherHint`)}>
            <InputNumber min={0} max={20} precision={0} />
          </Form.Item>
          <Form.Item
            name="orphansOrLoneElderly"
            label={t(`${D}.orphansOrLoneElderly`)}
            extra={t(`${D}.orphansHint`)}
          >
            <InputNumber min={0} max={21} precision={0} />
          </Form.Item>
        </fieldset>
      )}
    </>
  );
}
