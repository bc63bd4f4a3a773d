import { Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyItem } from '../../api/types';

type Value = string | number | boolean | null | undefined;

/** The input of one survey item by its type: text, number (with its unit), choice, yes/no. */
export function SurveyItemInput({
  item,
  value,
  onChange,
  id,
}: {
  item: SurveyItem;
  value?: Value;
  onChange?: (v: Value) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  switch (item.type) {
    case 'text':
      return (
        <Input
          id={id}
          value={typeof value === 'string' ? value : undefined}
          onChange={(e) => onChange?.(e.target.value)}
          maxLength={2000}
        />
      );
    case 'number':
      return (
        <InputNumber
          id={id}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange?.(v)}
          style={{ width: '100%', maxWidth: 240 }}
          suffix={item.unit}
        />
      );
    case 'choice':
      return (
        <Select
          id={id}
          allowClear
          value={typeof value === 'string' ? value : undefined}
          onChange={(v?: string) => onChange?.(v ?? null)}
          placeholder={t('surveys.choose')}
          options={(item.options ?? []).map((o) => ({ value: o, label: o }))}
          style={{ width: '100%', maxWidth: 320 }}
        />
      );
    case 'yes_no':
      return (
        <Radio.Group
          id={id}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(e) => onChange?.(e.target.value as boolean)}
          options={[
            { value: true, label: t('surveys.yes') },
            { value: false, label: t('surveys.no') },
          ]}
        />
      );
  }
}

/** An answer as text, for the read-only view. */
export function answerText(item: SurveyItem, v: Value, t: (k: 'surveys.yes' | 'surveys.no' | 'surveys.unanswered') => string): string {
  if (v === null || v === undefined || v === '') return t('surveys.unanswered');
  if (typeof v === 'boolean') return v ? t('surveys.yes') : t('surveys.no');
  return item.unit && typeof v === 'number' ? `${v} ${item.unit}` : String(v);
}
