import { Spin } from 'antd';

/** Shown while the first page of a visit is still loading its code. */
export function PageLoading() {
  return (
    <div className="lh-fullpage">
      <Spin size="large" />
    </div>
  );
}
