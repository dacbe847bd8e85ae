import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { RegionSelect } from '../region-select.tsx';

/**
 * The region a page of the medical fund is about, a field of its toolbar: chosen among the staff member's
 * regions, and not shown where there is only one.
 */
export function RegionField({
  id,
  user,
  value,
  onChange,
}: {
  id: string;
  user: UserView;
  value: string;
  onChange: (regionCode: string) => void;
}) {
  const { t } = useTranslation();
  if (user.regionCodes.length <= 1) return null;
  return (
    <div className="medical-toolbar-field">
      <label htmlFor={id}>{t('medicalFundPages.common.region')}</label>
      <RegionSelect id={id} regionCodes={user.regionCodes} value={value} onChange={onChange} />
    </div>
  );
}
