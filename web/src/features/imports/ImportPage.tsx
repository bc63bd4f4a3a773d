import { Card, Grid, Skeleton, Steps, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useImportJob } from '../../api/imports';
import type { ImportJob, ImportKind } from '../../api/types';
import { ImportCheckResult } from './ImportCheckResult';
import { ImportChooseStep } from './ImportChooseStep';
import { ImportOutcome } from './ImportOutcome';
import { ImportProgress } from './ImportProgress';

const stepOf = (job: ImportJob | undefined): number => {
  switch (job?.status) {
    case undefined:
      return 0;
    case 'validating':
    case 'validated':
      return 1;
    case 'importing':
      return 2;
    case 'done':
    case 'failed':
    case 'cancelled':
      return 3;
  }
};

/**
 * 导入 Excel: choose and upload → the dry run (progress, then its verdict and error report) →
 * import all or only the correct rows → done. The job is in the address (?job=), so the page can
 * be left while a large file is checked, and come back to.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind');
  const kind: ImportKind = asked === 'cadres' || asked === 'pairings' ? asked : 'households';
  const jobId = params.get('job') ?? undefined;
  const job = useImportJob(jobId);
  const current = job.data;
  const restart = () => setParams({ kind: current?.kind ?? kind }, { replace: true });
  const step = stepOf(current);
  const phone = Grid.useBreakpoint().sm === false;

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Steps
        current={step}
        status={current?.status === 'failed' ? 'error' : undefined}
        size="small"
        responsive={false}
        titlePlacement={phone ? 'vertical' : 'horizontal'}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('imports.steps.choose') },
          { title: t('imports.steps.check') },
          { title: t('imports.steps.apply') },
          { title: t('imports.steps.done') },
        ]}
      />
      {jobId && job.isPending ? (
        <Skeleton active />
      ) : !current ? (
        <ImportChooseStep
          kind={kind}
          onKind={(k) => setParams({ kind: k }, { replace: true })}
          onUploaded={(j) => setParams({ kind: j.kind, job: j.id })}
        />
      ) : current.status === 'validating' || current.status === 'importing' ? (
        <ImportProgress job={current} />
      ) : current.status === 'validated' ? (
        <ImportCheckResult job={current} onRestart={restart} />
      ) : (
        <ImportOutcome job={current} onRestart={restart} />
      )}
    </Card>
  );
}
