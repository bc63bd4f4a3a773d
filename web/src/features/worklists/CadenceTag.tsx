import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminWork } from './api';

export type CadenceState = AdminWork['cadres'][number]['visitState'];

const colors: Record<CadenceState, string> = { met: 'success', on_track: 'processing', due_soon: 'warning', overdue: 'error' };
export const cadenceStates: CadenceState[] = ['met', 'on_track', 'due_soon', 'overdue'];

/** 已完成 / 进行中 / 即将到期 / 已逾期, with the due day in the tooltip. */
export function CadenceTag({ state, dueOn }: { state: CadenceState; dueOn: string | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={colors[state]} style={{ marginInlineEnd: 0 }} data-testid={`cadence-${state}`}>
      {t(`worklists.cadence.${state}`)}
    </Tag>
  );
  return dueOn && state !== 'met' ? <Tooltip title={t('worklists.dueOn', { day: dueOn })}>{tag}</Tooltip> : tag;
}

/** What the four states mean, above the table. */
export function CadenceLegend() {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }} data-testid="cadence-legend">
      {cadenceStates.map((s) => (
        <Flex key={s} gap={4} align="center">
          <CadenceTag state={s} dueOn={null} />
          <Typography.Text type="secondary">{t(`worklists.cadenceHelp.${s}`)}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
