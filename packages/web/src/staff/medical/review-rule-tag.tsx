import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewRule } from './supervision-api.ts';

const RULE_COLORS: Record<ReviewRule, string> = {
  'same-item-twice': 'volcano',
  'split-hospitalisation': 'orange',
  'after-death': 'red',
  'two-places': 'magenta',
  'above-norm': 'gold',
};

/** A supervision rule by its name, what it looks for on hover (docs/RULES.md 16.7). */
export function ReviewRuleTag({ rule }: { rule: ReviewRule }) {
  const { t } = useTranslation();
  return (
    <Tag color={RULE_COLORS[rule]} data-rule={rule} title={t(`medicalFundPages.ruleHints.${rule}`)}>
      {t(`medicalFundPages.rules.${rule}`)}
    </Tag>
  );
}
