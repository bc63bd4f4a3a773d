import { Result } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';

/** A record that could not be read: not there (or not mine to see), or the network. */
export function Missing({ error, back, backLabel }: { error: unknown; back: string; backLabel: string }) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return (
    <Result
      status={missing ? '404' : 'warning'}
      title={missing ? t('app.notFound') : t('app.networkError')}
      extra={<Link to={back}>{backLabel}</Link>}
    />
  );
}
