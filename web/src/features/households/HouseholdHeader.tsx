import { Badge, Descriptions, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Household } from '../../api/types';
import { formatYuan } from '../../app/money';
import { CategoryTags } from './CategoryTags';
import { statusBadge } from './HouseholdTable';

/** The header card's content: who, where, what kind of household, how to reach them. */
export function HouseholdHeader({ household: h, actions }: { household: Household; actions: ReactNode }) {
  const { t } = useTranslation();
  const head = h.members.find((m) => m.relation === 'head' && m.status === 'active');
  const active = h.members.filter((m) => m.status === 'active').length;
  const place = [h.townshipName, h.villageName, h.groupName].filter(Boolean).join(' · ');
  const dash = '—';

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space orientation="vertical" size={2}>
          <Space size={8} wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="household-head">
              {head?.name ?? dash}
            </Typography.Title>
            <Typography.Text type="secondary">{t('households.memberCount', { count: active })}</Typography.Text>
            <Badge status={statusBadge[h.status]} text={t(`households.statuses.${h.status}`)} />
          </Space>
          <Typography.Text type="secondary">{place || h.regionCode}</Typography.Text>
        </Space>
        <Space wrap>{actions}</Space>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'categories', label: t('households.categories'), children: <CategoryTags codes={h.categories} /> },
          { key: 'causes', label: t('households.povertyCauses'), children: <CategoryTags codes={h.povertyCauses} plain /> },
          {
            key: 'income',
            label: t('households.income'),
            children: h.income ? t('households.incomeValue', { amount: formatYuan(h.income.perCapitaNetFen), year: h.income.year }) : dash,
          },
          {
            key: 'contact',
            label: t('households.contactCadre'),
            children: h.helpers.length ? (
              <Space size={4} wrap>
                {h.helpers.map((c, i) => (
                  <span key={c.cadreId}>
                    <Link to={`/cadres/${c.cadreId}`}>{c.name}</Link>
                    {i === 0 && h.helpers.length > 1 ? t('households.contactLead') : ''}
                  </span>
                ))}
              </Space>
            ) : (
              t('households.noHelper')
            ),
          },
          { key: 'phone', label: t('households.phone'), children: h.phone ?? head?.phone ?? dash },
          { key: 'no', label: t('households.householdNo'), children: h.householdNo ?? dash },
          { key: 'address', label: t('households.address'), children: h.address ?? dash },
          { key: 'land', label: t('households.landMu'), children: h.landMu ?? dash },
          { key: 'housing', label: t('households.housing'), children: t(`households.housings.${h.housing}`) },
          {
            key: 'livestock',
            label: t('households.livestock'),
            children: h.livestock.length ? h.livestock.map((l) => `${l.kind} ${l.head}`).join('，') : dash,
          },
          ...(h.notes ? [{ key: 'notes', label: t('households.notes'), children: h.notes }] : []),
        ]}
      />
    </>
  );
}
