import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { withCheckChar } from '../../app/idNumber';
import { json, mockApi, requests } from '../../test/fetchMock';
import { renderPage } from '../../test/renderPage';
import { MemberDrawer } from './MemberDrawer';

const householdId = '019b76da-a800-7d2e-b421-9a4a8ab75143';

describe('MemberDrawer', () => {
  it('checks the ID number while it is typed, fills birth date and sex, and sends a client id', async () => {
    mockApi(async (req) => {
      const body = (await req.json()) as Record<string, unknown>;
      return json(201, { ...body, householdId, status: 'active', version: 1 });
    });
    renderPage(<MemberDrawer householdId={householdId} open onClose={() => {}} onStale={() => {}} />, { path: '/', route: '/' });
    const id = await screen.findByLabelText('身份证号');
    const good = withCheckChar('43312419800912002');
    fireEvent.change(id, { target: { value: good.slice(0, 17) + (good[17] === '0' ? '1' : '0') } });
    expect(await screen.findByText('身份证号校验位不正确，请核对是否抄错')).toBeTruthy();
    fireEvent.change(id, { target: { value: '4331241980' } });
    expect(await screen.findByText('身份证号应为 18 位，最后一位可为 X')).toBeTruthy();
    fireEvent.change(id, { target: { value: good.toLowerCase() } });
    expect(await screen.findByText('校验通过：1980-09-12 出生，女')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('出生日期') as HTMLInputElement).value).toBe('1980-09-12'));

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '符春燕' } });
    fireEvent.mouseDown(screen.getByLabelText('与户主关系'));
    fireEvent.click(await screen.findByText('配偶'));
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const sent = (await requests.find((r) => r.method === 'POST')!.json()) as Record<string, unknown>;
    expect(new URL(requests.find((r) => r.method === 'POST')!.url).pathname).toBe(`/api/households/${householdId}/members`);
    expect(sent).toMatchObject({
      name: '符春燕',
      relation: 'spouse',
      idNumber: good,
      sex: 'female',
      birthDate: '1980-09-12',
      isPartyMember: false,
    });
    expect(sent.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });
});
