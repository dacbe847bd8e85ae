import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A card photo chosen from the device, kept in the form as the File (sent as base64 on submit). The form
 * checks what the browser knows (card-checks.ts: JPEG or PNG by its type, the size); the server reads the
 * type from the bytes and its refusal is shown on the field by the page.
 */
export function PhotoField({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: File;
  onChange?: (file: File | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="card-photo-field">
      <Upload
        accept="image/jpeg,image/png,.jpg,.jpeg,.png"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          onChange?.(file);
          return false;
        }}
      >
        <Button id={id} icon={<UploadOutlined />}>
          {t('cardPages.photo.choose')}
        </Button>
      </Upload>
      {value && (
        <span className="card-photo-chosen">
          {t('cardPages.photo.chosen')}
          <code>{value.name}</code>
        </span>
      )}
    </div>
  );
}
