import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Institution } from '../../medical/medical-api.ts';

/** An institution as registered: code, name, kind and level, category, region, address, and today's standing. */
export function InstitutionFacts({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} className="medical-institution-facts">
      <Descriptions.Item label={t('medicalPages.institution.code')}>
        <code>{institution.code}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.institution.kind')}>
        <InstitutionKind institution={institution} />
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.institution.category')}>
        {institution.category}
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.institution.region')}>
        {institution.regionCode}
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.institution.address')}>
        {institution.address}
      </Descriptions.Item>
      <Descriptions.Item label={t('medicalPages.institution.settlingToday')}>
        <SettlingTag institution={institution} />
      </Descriptions.Item>
    </Descriptions>
  );
}

/** "Hospital, level 3"; a pharmacy has no level. */
export function InstitutionKind({ institution }: { institution: Pick<Institution, 'kind' | 'level'> }) {
  const { t } = useTranslation();
  const kind = t(`medicalPages.institutionKinds.${institution.kind}`);
  return (
    <>
      {institution.level === null
        ? kind
        : t('medicalPages.institution.kindWithLevel', {
            kind,
            level: t(`medicalPages.levelNumerals.${String(institution.level) as '1'}`),
          })}
    </>
  );
}

/** Whether an agreement lets the institution settle claims today. */
export function SettlingTag({ institution }: { institution: Pick<Institution, 'settlingToday'> }) {
  const { t } = useTranslation();
  return institution.settlingToday ? (
    <Tag color="green" data-settling="yes">
      {t('medicalPages.institution.settling')}
    </Tag>
  ) : (
    <Tag color="red" data-settling="no">
      {t('medicalPages.institution.notSettling')}
    </Tag>
  );
}
