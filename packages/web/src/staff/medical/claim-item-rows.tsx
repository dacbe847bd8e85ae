import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { typedYuanToFen } from '../money/typed-values.ts';
import { typedPercentToPpm, type ClaimValues, type ItemClass, type ItemValues } from './claim-form-values.ts';

const F = 'medicalPages.counter';
const ITEM_CLASSES: ItemClass[] = ['full', 'part', 'none'];

/** A new row: one unit of an item covered in full, the most common line of a bill. */
export const NEW_ITEM: Partial<ItemValues> = { itemClass: 'full', quantity: 1 };

/**
 * The claim's items, a row each: the catalogue code and name, the catalogue class, the quantity, the
 * amount of the line in yuan, and for a part-covered (乙类) item the share the person pays first.
 */
export function ClaimItemRows() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="items"
      rules={[
        {
          validator: async (_rule, items: unknown[] | undefined) => {
            if (!items?.length) throw new Error(t(`${F}.itemsRequired`));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset className="medical-items-fieldset">
          <legend>{t(`${F}.items`)}</legend>
          {fields.map(({ key, name }) => (
            <div key={key} className="medical-item-row" data-item-row={name}>
              <Form.Item
                name={[name, 'code']}
                label={t('medicalPages.items.code')}
                rules={[{ required: true, whitespace: true, message: t(`${F}.codeRequired`) }]}
              >
                <Input autoComplete="off" spellCheck={false} maxLength={40} />
              </Form.Item>
              <Form.Item
                name={[name, 'name']}
                label={t('medicalPages.items.name')}
                rules={[{ required: true, whitespace: true, message: t(`${F}.nameRequired`) }]}
              >
                <Input autoComplete="off" maxLength={200} />
              </Form.Item>
              <Form.Item name={[name, 'itemClass']} label={t('medicalPages.items.class')}>
                <Select
                  options={ITEM_CLASSES.map((value) => ({
                    value,
                    label: t(`medicalPages.itemClasses.${value}`),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name={[name, 'quantity']}
                label={t('medicalPages.items.quantity')}
                rules={[{ required: true, message: t(`${F}.quantityRequired`) }]}
              >
                <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name={[name, 'amount']}
                label={t(`${F}.amount`)}
                validateTrigger="onBlur"
                rules={[
                  { required: true, whitespace: true, message: t(`${F}.amountRequired`) },
                  {
                    validator: async (_rule, value: string | undefined) => {
                      if (value?.trim() && typedYuanToFen(value) === null)
                        throw new Error(t(`${F}.amountInvalid`));
                    },
                  },
                ]}
              >
                <Input inputMode="decimal" autoComplete="off" prefix="¥" />
              </Form.Item>
              <Form.Item
                noStyle
                shouldUpdate={(before: ClaimValues, after: ClaimValues) =>
                  before.items?.[name]?.itemClass !== after.items?.[name]?.itemClass
                }
              >
                {({ getFieldValue }) =>
                  getFieldValue(['items', name, 'itemClass']) === 'part' ? (
                    <Form.Item
                      name={[name, 'selfPayShare']}
                      label={t(`${F}.selfPayShare`)}
                      validateTrigger="onBlur"
                      rules={[
                        { required: true, whitespace: true, message: t(`${F}.shareRequired`) },
                        {
                          validator: async (_rule, value: string | undefined) => {
                            if (value?.trim() && typedPercentToPpm(value) === null)
                              throw new Error(t(`${F}.shareInvalid`));
                          },
                        },
                      ]}
                    >
                      <Input inputMode="decimal" autoComplete="off" suffix="%" />
                    </Form.Item>
                  ) : (
                    <div aria-hidden="true" />
                  )
                }
              </Form.Item>
              <Button
                type="text"
                className="medical-item-remove"
                icon={<MinusCircleOutlined />}
                aria-label={t(`${F}.removeItem`, { number: name + 1 })}
                disabled={fields.length === 1}
                onClick={() => remove(name)}
              />
            </div>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(NEW_ITEM)}
            className="medical-item-add"
          >
            {t(`${F}.addItem`)}
          </Button>
          <Form.ErrorList errors={errors} />
        </fieldset>
      )}
    </Form.List>
  );
}
