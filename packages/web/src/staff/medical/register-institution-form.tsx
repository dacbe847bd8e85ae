import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { registerInstitution, type NewInstitution } from '../../medical/medical-api.ts';
import { problemMessage } from '../problem-message.tsx';
import { RegionSelect } from '../region-select.tsx';

const F = 'medicalPages.register';

interface Values {
  code: string;
  name: string;
  kind: NewInstitution['kind'];
  level?: 1 | 2 | 3;
  category: string;
  regionCode: string;
  address: string;
}

/**
 * Registers a designated medical institution or retail pharmacy (docs/RULES.md 16.1): its agency code,
 * name, kind, a hospital's or clinic's level (a pharmacy has none), category, region and address; then
 * opens its page, where the agreement is signed.
 */
export function RegisterInstitutionForm({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const register = useMutation({
    mutationFn: (values: Values) =>
      registerInstitution({
        code: values.code.trim().toUpperCase(),
        name: values.name.trim(),
        kind: values.kind,
        ...(values.kind === 'pharmacy' ? {} : { level: values.level }),
        category: values.category.trim(),
        regionCode: values.regionCode,
        address: values.address.trim(),
      }),
    onSuccess: (institution) => {
      void queryClient.invalidateQueries({ queryKey: ['medical', 'institutions'] });
      void navigate(`/staff/medical/institutions/${institution.id}`);
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="register-institution"
      requiredMark={false}
      className="medical-form"
      initialValues={{ kind: 'hospital', level: 2, regionCode: user.regionCodes[0] }}
      onFinish={(values) => register.mutate(values)}
    >
      <Form.Item
        name="code"
        label={t(`${F}.code`)}
        extra={t(`${F}.codeHelp`)}
        normalize={(value: string) => value.toUpperCase()}
        rules={[
          { required: true, message: t(`${F}.codeHelp`) },
          { pattern: /^[A-Z0-9]{6,20}$/, message: t(`${F}.codeHelp`) },
        ]}
      >
        <Input autoComplete="off" spellCheck={false} maxLength={20} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t(`${F}.name`)}
        rules={[{ required: true, whitespace: true, min: 2, message: t(`${F}.nameRequired`) }]}
      >
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <Form.Item name="kind" label={t(`${F}.kind`)}>
        <Radio.Group
          optionType="button"
          options={(['hospital', 'clinic', 'pharmacy'] as const).map((value) => ({
            value,
            label: t(`medicalPages.institutionKinds.${value}`),
          }))}
        />
      </Form.Item>
      {kind !== 'pharmacy' && (
        <Form.Item name="level" label={t(`${F}.level`)} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={([1, 2, 3] as const).map((value) => ({
              value,
              label: t(`medicalPages.levels.${String(value) as '1'}`),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="category"
        label={t(`${F}.category`)}
        extra={t(`${F}.categoryHelp`)}
        rules={[{ required: true, whitespace: true, min: 2, message: t(`${F}.categoryRequired`) }]}
      >
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item name="regionCode" label={t(`${F}.region`)} rules={[{ required: true }]}>
        <RegionSelect id="register-institution_regionCode" regionCodes={user.regionCodes} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t(`${F}.address`)}
        rules={[{ required: true, whitespace: true, min: 2, message: t(`${F}.addressRequired`) }]}
      >
        <Input autoComplete="off" maxLength={300} />
      </Form.Item>
      <div aria-live="polite">
        {register.isError && <ProblemAlert error={register.error} describe={problemMessage} />}
      </div>
      <Button type="primary" htmlType="submit" loading={register.isPending}>
        {t(`${F}.submit`)}
      </Button>
    </Form>
  );
}
