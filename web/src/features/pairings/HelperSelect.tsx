import type { CSSProperties } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HelperKind } from '../../api/pairings';
import { useParticipants } from '../../api/programmes';

interface Props {
  programmeId: string;
  kind: HelperKind;
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  allowClear?: boolean;
}

/** A helper among the programme's current participants of a kind (cadres with rank and load). */
export function HelperSelect({ programmeId, kind, value, onChange, placeholder, style, id, allowClear }: Props) {
  const { t } = useTranslation();
  const found = useParticipants(programmeId, { page: 1, pageSize: 500, subjectKind: kind, current: 'true' });
  const options = (found.data?.items ?? []).map((p) => ({
    value: p.subjectId,
    label: [p.subjectName ?? p.subjectId, p.rank ? t(`cadres.ranks.${p.rank}` as 'cadres.ranks.village') : null, p.regionName]
      .filter(Boolean)
      .join(' · '),
  }));
  return (
    <Select
      id={id}
      style={style}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={placeholder ?? t('pairings.helperPlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      loading={found.isFetching}
      options={options}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 24px)' } } }}
    />
  );
}
