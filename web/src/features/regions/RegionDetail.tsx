import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import { BranchesOutlined, CalendarOutlined, EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { regionKeys, useRegion } from '../../api/regions';
import type { Region } from '../../api/types';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { isAdmin } from '../../app/roles';
import { AddGroupModal } from './AddGroupModal';
import { HistoricRegionModal } from './HistoricRegionModal';
import { RecordRenameModal } from './RecordRenameModal';
import { RegionHistorySection } from './RegionHistorySection';
import { SuccessionModal } from './SuccessionModal';
import { RegionChildrenTable } from './RegionChildrenTable';
import { RenameGroupModal } from './RenameGroupModal';
import { ValidityModal } from './ValidityModal';
import { isExpired, isWithin, levelColor } from './regionUtils';

type Dialog = 'addGroup' | 'rename' | 'validity' | 'succession' | 'recordRename' | 'historic' | null;

interface Props {
  code?: string;
  roots: Region[];
  onOpen: (code: string) => void;
  onGroupAdded: (villageCode: string, groupCode: string) => void;
  /** After a rename or a validity change, so the tree can show it. */
  onChanged: (region: Region) => void;
}

/** The selected region: what it is, where it sits, what is under it, and (for admins) changes. */
export function RegionDetail({ code, roots, onOpen, onGroupAdded, onChanged }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const qc = useQueryClient();
  const region = useRegion(code);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (!code)
    return (
      <Card>
        <Empty description={t('regions.selectHint')} />
      </Card>
    );
  if (region.isPending)
    return (
      <Card>
        <Spin />
      </Card>
    );
  if (!region.data)
    return (
      <Card>
        <Empty description={region.error?.message} />
      </Card>
    );

  const r = region.data;
  const admin = isAdmin(user.role);
  const reload = () => void qc.invalidateQueries({ queryKey: regionKeys.detail(r.code) });
  const inScope = (c: string) => roots.some((root) => isWithin(c, root));
  const validity =
    r.validFrom && r.validTo
      ? t('regions.validBetween', { from: r.validFrom, to: r.validTo })
      : r.validTo
        ? t('regions.expiresOn', { date: r.validTo })
        : r.validFrom
          ? t('regions.validSince', { date: r.validFrom })
          : t('regions.alwaysValid');

  const buttons = [
    r.level === 'village' && !isExpired(r) && (
      <Button key="add" type="primary" icon={<PlusOutlined />} onClick={() => setDialog('addGroup')}>
        {t('regions.addGroup')}
      </Button>
    ),
    r.level === 'group' && (
      <Button key="rename" icon={<EditOutlined />} onClick={() => setDialog('rename')}>
        {t('regions.rename')}
      </Button>
    ),
    (r.level === 'village' || r.level === 'group' || r.level === 'township') && (
      <Button key="validity" icon={<CalendarOutlined />} onClick={() => setDialog('validity')}>
        {t('regions.setValidity')}
      </Button>
    ),
    (r.level === 'village' || r.level === 'group' || r.level === 'township') && (
      <Button key="succession" icon={<BranchesOutlined />} onClick={() => setDialog('succession')}>
        {t('regionHistory.recordChange')}
      </Button>
    ),
    (r.level === 'village' || r.level === 'township') && (
      <Button key="recordRename" icon={<EditOutlined />} onClick={() => setDialog('recordRename')}>
        {t('regionHistory.recordRename')}
      </Button>
    ),
    (r.level === 'county' || r.level === 'township' || r.level === 'village') && (
      <Button key="historic" icon={<HistoryOutlined />} onClick={() => setDialog('historic')}>
        {t('regionHistory.addHistoric')}
      </Button>
    ),
  ].filter(Boolean);
  const actions = admin && buttons.length > 0 && (
    <Space wrap size={8}>
      {buttons}
    </Space>
  );

  return (
    <Card
      data-testid="region-detail"
      title={
        <Space size={8} wrap>
          <span>{r.name}</span>
          <Tag color={levelColor[r.level]} variant="filled">
            {t(`levels.${r.level}`)}
          </Tag>
          {isExpired(r) && <Tag>{t('regions.expired')}</Tag>}
        </Space>
      }
    >
      {actions && <div style={{ marginBottom: 16 }}>{actions}</div>}
      {admin && (r.level === 'village' || r.level === 'township') && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('regions.nationalNameHint')}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'code', label: t('regions.code'), children: <Typography.Text copyable>{r.code}</Typography.Text> },
          { key: 'validity', label: t('regions.validity'), children: validity },
          {
            key: 'path',
            label: t('regions.path'),
            span: 'filled',
            children: (
              <Breadcrumb
                items={[...r.path, { code: r.code, name: r.name, level: r.level }].map((p) => ({
                  key: p.code,
                  title:
                    p.code !== r.code && inScope(p.code) ? (
                      <Typography.Link onClick={() => onOpen(p.code)}>{p.name}</Typography.Link>
                    ) : (
                      p.name
                    ),
                }))}
              />
            ),
          },
        ]}
      />
      {r.level !== 'group' && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('regions.children')}
          </Typography.Title>
          <RegionChildrenTable code={r.code} onOpen={onOpen} />
        </>
      )}
      <RegionHistorySection code={r.code} onOpen={onOpen} />
      <SuccessionModal region={r} open={dialog === 'succession'} onClose={() => setDialog(null)} onDone={() => onChanged(r)} />
      <RecordRenameModal region={r} open={dialog === 'recordRename'} onClose={() => setDialog(null)} onStale={reload} onDone={() => onChanged(r)} />
      <HistoricRegionModal parent={r} open={dialog === 'historic'} onClose={() => setDialog(null)} onAdded={(c) => onGroupAdded(r.code, c)} />
      <AddGroupModal village={r} open={dialog === 'addGroup'} onClose={() => setDialog(null)} onAdded={(g) => onGroupAdded(r.code, g)} />
      <RenameGroupModal group={r} open={dialog === 'rename'} onClose={() => setDialog(null)} onStale={reload} onDone={() => onChanged(r)} />
      <ValidityModal region={r} open={dialog === 'validity'} onClose={() => setDialog(null)} onStale={reload} onDone={() => onChanged(r)} />
    </Card>
  );
}
