import { parseYuanToFen } from '@shebao/domain';
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

const A = 'benefitPages.claims.apply';
const ACCOUNT = /^\d{12,30}$/;

/** The account a benefit is paid to, as the form field `payee` ({ kind, account }): 12 to 30 digits. */
export function PayeeFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={['payee', 'kind']} label={t(`${A}.payeeKind`)} rules={[{ required: true }]}>
        <Radio.Group
          options={(['bank', 'card'] as const).map((kind) => ({
            value: kind,
            label: t(`${A}.payeeKinds.${kind}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name={['payee', 'account']}
        label={t(`${A}.account`)}
        normalize={(value: string) => value.replace(/\s+/g, '')}
        rules={[{ required: true, pattern: ACCOUNT, message: t(`${A}.accountInvalid`) }]}
      >
        <Input inputMode="numeric" autoComplete="off" maxLength={30} />
      </Form.Item>
    </>
  );
}

/** Maternity medical costs typed in yuan ("5000.50"), as the fen the server takes; none when left empty. */
export function medicalCostsOf(text: string | undefined): { medicalCostsFen?: number } {
  const trimmed = text?.trim();
  return trimmed ? { medicalCostsFen: parseYuanToFen(trimmed, 'medicalCosts') } : {};
}
