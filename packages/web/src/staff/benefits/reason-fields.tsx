import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

const REASON_CODE = /^[a-z][a-z0-9-]{1,60}$/;

/**
 * The reasons of a decision inside a form, as the list field `reasons`: one or more, each a short code,
 * the words and the legal source (docs/RULES.md 14.4). A refusal and a proposed correction both take them.
 */
export function ReasonFields() {
  const { t } = useTranslation();
  const A = 'benefitPages.staff.application';
  return (
    <Form.List name="reasons">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <div
              key={field.key}
              className="benefit-reason-item"
              role="group"
              aria-label={`${t(`${A}.reasonMessage`)} ${field.name + 1}`}
            >
              <Form.Item
                name={[field.name, 'code']}
                label={t(`${A}.reasonCode`)}
                extra={t(`${A}.reasonCodeHelp`)}
                rules={[{ required: true, pattern: REASON_CODE, message: t(`${A}.reasonCodeInvalid`) }]}
              >
                <Input autoComplete="off" maxLength={61} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'message']}
                label={t(`${A}.reasonMessage`)}
                rules={[{ required: true, whitespace: true, message: t(`${A}.reasonMessageRequired`) }]}
              >
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'source']}
                label={t(`${A}.reasonSource`)}
                rules={[{ required: true, whitespace: true, message: t(`${A}.reasonSourceRequired`) }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              {fields.length > 1 && (
                <Button onClick={() => remove(field.name)}>{t(`${A}.removeReason`)}</Button>
              )}
            </div>
          ))}
          <Button onClick={() => add({ code: '', message: '', source: '' })}>{t(`${A}.addReason`)}</Button>
        </>
      )}
    </Form.List>
  );
}
