import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formulaSteps, inputLabel, inputValue, ruleText, sourceText, stepText } from './explanation-text.ts';

export interface Explanation {
  rule: string;
  formula: string;
  inputs: Record<string, string>;
  sources: string[];
}

/**
 * How an amount was worked out, as the server explains it: the rule, the formula step by step with its
 * numbers, the inputs and the legal sources, in the reader's language.
 */
export function ExplanationView({ explanation }: { explanation: Explanation }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Descriptions size="small" column={1} bordered className="medical-explanation">
      <Descriptions.Item label={t('medicalPages.explain.rule')}>
        {ruleText(t, explanation.rule, language)}
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.explain.steps')}>
        <ol className="medical-steps">
          {formulaSteps(explanation.formula).map((step, index) => (
            <li key={index}>{stepText(step, language)}</li>
          ))}
        </ol>
      </Descriptions.Item>
      {Object.entries(explanation.inputs).map(([name, value]) => (
        <Descriptions.Item key={name} label={inputLabel(t, name) ?? <code>{name}</code>}>
          {inputValue(t, name, value)}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('medicalPages.explain.sources')}>
        <ul className="medical-sources">
          {explanation.sources.map((source) => (
            <li key={source}>{sourceText(t, source, language)}</li>
          ))}
        </ul>
      </Descriptions.Item>
    </Descriptions>
  );
}
