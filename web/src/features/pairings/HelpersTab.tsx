import { Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHelpers } from '../../api/pairings';

/** 帮扶人: a household's helpers past and present (open first), with dates, roles and the programme. */
export function HelpersTab({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const helpers = useHelpers(householdId);
  if (helpers.isPending) return <Spin />;
  const items = helpers.data ?? [];
  if (items.length === 0) return <Empty description={t('pairings.helpers.empty')} />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      data-testid="helpers"
      items={items.map((p) => ({
        key: p.id,
        color: p.endOn ? 'gray' : 'green',
        title: p.endOn
          ? t('pairings.helpers.periodRange', { start: p.startOn, end: p.endOn })
          : t('pairings.helpers.period', { start: p.startOn }),
        content: (
          <>
            <Typography.Text strong>{p.helperName ?? p.helperId}</Typography.Text> <Tag>{t(`pairings.roles.${p.role}`)}</Tag>
            {p.lead && p.role === 'several_to_one' && <Tag color="gold">{t('pairings.lead')}</Tag>}
            <Tag color={p.endOn ? 'default' : 'green'}>{p.endOn ? t('pairings.helpers.past') : t('pairings.helpers.current')}</Tag>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[p.programmeName, p.endReason ? t(`pairings.reasons.${p.endReason}`) : null, p.note].filter(Boolean).join(' · ')}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
