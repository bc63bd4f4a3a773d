import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, requests } from '../../test/fetchMock';
import { renderPage } from '../../test/renderPage';
import { AssistantModal } from './AssistantModal';

const programmeId = '019b76da-a800-7d2e-b421-9a4a8ab75100';
const proposal = (n: number, helper: string, head: string) => ({
  key: `cadre:0193000${n}→household:0193100${n}`,
  role: 'one_to_one',
  helperKind: 'cadre',
  helperId: `0193000${n}-0000-7000-8000-000000000000`,
  targetKind: 'household',
  targetId: `0193100${n}-0000-7000-8000-000000000000`,
  lead: true,
  roundNo: null,
  startOn: '2026-03-01',
  regionCode: '433124213209',
  helperName: helper,
  targetName: head,
  because: { kind: 'rule', ruleId: 'township-star' },
  nearness: 'village',
  message: `${helper}联系${head}`,
});

describe('the assistant’s proposals', () => {
  it('lists them ticked, accepts only those left ticked, each with a client id', async () => {
    let accepted: { items: { id: string; helperId: string }[] } | null = null;
    mockApi(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === `/api/programmes/${programmeId}/proposals`)
        return json(200, {
          programmeId,
          regionCode: '433124213000',
          on: '2026-03-01',
          proposals: [proposal(1, '隆成', '吴长'), proposal(2, '黄春', '杨英')],
          unfilled: [],
          breachesBefore: 2,
        });
      if (url.pathname === `/api/programmes/${programmeId}/proposals/accept` && req.method === 'POST') {
        accepted = (await req.json()) as typeof accepted;
        return json(200, { created: 1, alreadyThere: 0, breachesBefore: 2, breachesAfter: 1, items: [] });
      }
      throw new Error(`unexpected ${req.method} ${req.url}`);
    });
    renderPage(<AssistantModal programmeId={programmeId} onClose={() => {}} />, { path: '/', route: '/' });
    await screen.findByText('隆成联系吴长');
    expect(screen.getByText('当前问题 2 个')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: /接受所选（2）/ })).toBeTruthy());

    fireEvent.click(screen.getAllByRole('checkbox', { name: /隆成/ })[0]!);
    fireEvent.click(await screen.findByRole('button', { name: /接受所选（1）/ }));
    await waitFor(() => expect(accepted).not.toBeNull());
    expect(accepted!.items).toHaveLength(1);
    expect(accepted!.items[0]).toMatchObject({ helperId: proposal(2, '', '').helperId, targetKind: 'household', startOn: '2026-03-01' });
    expect(accepted!.items[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(requests.some((r) => new URL(r.url).pathname.endsWith('/proposals/accept'))).toBe(true);
  });
});
