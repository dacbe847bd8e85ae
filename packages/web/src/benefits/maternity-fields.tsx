import { Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

const A = 'benefitPages.claims.apply';
const F = 'benefitPages.claims.facts';

/**
 * The facts of a maternity claim after its event (docs/RULES.md 15.10–15.12): a miscarriage's stage, or a
 * birth's dystocia and babies, and the medical costs in yuan. The employer's and the person's forms share it.
 */
export function MaternityFields({ event }: { event: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {event === 'miscarriage' && (
        <Form.Item name="miscarriageStage" label={t(`${F}.miscarriageStage`)} rules={[{ required: true }]}>
          <Radio.Group
            options={(['early', 'late'] as const).map((value) => ({
              value,
              label: t(`${F}.stages.${value}`),
            }))}
          />
        </Form.Item>
      )}
      {event === 'birth' && (
        <>
          <Form.Item name="dystocia" valuePropName="checked">
            <Checkbox>{t(`${F}.dystocia`)}</Checkbox>
          </Form.Item>
          <Form.Item name="babies" label={t(`${F}.babies`)}>
            <InputNumber min={1} max={9} precision={0} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="medicalCosts"
        label={t(`${A}.medicalCosts`)}
        rules={[{ pattern: /^\d{1,9}(\.\d{1,2})?$/, message: t(`${A}.medicalCostsInvalid`) }]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
    </>
  );
}
