import type { TFunction } from 'i18next';
import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentifierCheck } from './identifier-checks.ts';

type Translate = TFunction;

/**
 * The message for a refused identifier. The key is one of several, each with its own placeholders, so
 * the values are passed untyped; resources.test.ts checks that every key exists in both languages.
 */
function problemText(t: Translate, check: Extract<IdentifierCheck, { state: 'invalid' }>): string {
  const translate = t as unknown as (key: string, values: object) => string;
  return translate(check.key, check.values);
}

interface IdentifierFieldProps {
  name: string;
  label: string;
  /** The hint shown while nothing is wrong yet, and the note once the value is well formed. */
  hint: string;
  validNote: (values: Record<string, string>) => string;
  check: (text: string, complete: boolean) => IdentifierCheck;
  autoComplete: string;
}

/**
 * An identifier input checked as it is typed: wrong characters at once, the whole rule (check
 * character included) as soon as it is long enough, and everything, emptiness too, on leaving the field
 * and on submit. The message is the field's help text, so it is tied to the input by aria-describedby.
 */
export function IdentifierField({ name, label, hint, validNote, check, autoComplete }: IdentifierFieldProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const value = (Form.useWatch(name, form) as string | undefined) ?? '';
  const [complete, setComplete] = useState(false);
  const result = check(value, complete);
  const status = result.state === 'invalid' ? 'error' : result.state === 'valid' ? 'success' : undefined;
  const help =
    result.state === 'invalid'
      ? problemText(t, result)
      : result.state === 'valid'
        ? validNote(result.values)
        : hint;
  return (
    <Form.Item
      name={name}
      label={label}
      validateStatus={status}
      help={help}
      // Always on, so the input keeps its place in the DOM (and the focus) when the status icon appears.
      hasFeedback
      validateTrigger="onBlur"
      rules={[
        {
          validator: async (_rule, text: string | undefined) => {
            setComplete(true);
            const final = check(text ?? '', true);
            if (final.state === 'invalid') throw new Error(problemText(t, final));
          },
        },
      ]}
    >
      <Input
        autoComplete={autoComplete}
        spellCheck={false}
        autoCapitalize="characters"
        maxLength={20}
        onBlur={() => setComplete(true)}
        aria-invalid={status === 'error'}
      />
    </Form.Item>
  );
}
