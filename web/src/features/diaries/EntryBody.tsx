import { Typography } from 'antd';

/**
 * An entry's HTML as the server sanitised it (only p, br, strong, em, u, s, lists, blockquote,
 * h3, h4, and no attributes), so it is shown as it is.
 */
export function EntryBody({ html }: { html: string }) {
  return (
    <Typography>
      <div className="lh-diary-body" style={{ overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
