import { Card, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useProgramme, useProgrammes } from '../../api/programmes';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { ExportButton } from '../../app/ExportButton';
import { isAdmin } from '../../app/roles';
import { PairingBoard } from './PairingBoard';

/** 结对: the pairing board of one programme (chosen at the top, kept in the address; default the newest running one). */
export function PairingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const list = useProgrammes({ page: 1, pageSize: 100, status: 'active' });
  const chosen = params.get('programme') ?? list.data?.items[0]?.id ?? '';
  const programme = useProgramme(chosen);
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('pairings.title')}
        </Typography.Title>
        {chosen && <ExportButton path="/api/exports/pairings.xlsx" query={{ programmeId: chosen, open: 'true' }} fileName="结对名册.xlsx" label={t('pairings.export')} />}
      </Flex>
      <Select
        style={{ width: '100%', maxWidth: 420, marginBottom: 16 }}
        value={chosen || undefined}
        placeholder={t('programmes.title')}
        loading={list.isFetching}
        options={(list.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.regionName ?? p.regionCode}）` }))}
        onChange={(id: string) => setParams({ programme: id }, { replace: true })}
      />
      {list.data && list.data.items.length === 0 ? (
        <Empty description={t('pairings.empty')} />
      ) : programme.data ? (
        <PairingBoard programme={programme.data} editable={isAdmin(user.role)} />
      ) : (
        chosen && <Skeleton active />
      )}
    </Card>
  );
}
