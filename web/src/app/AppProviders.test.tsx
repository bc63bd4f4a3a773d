import { render, screen } from '@testing-library/react';
import { Button } from 'antd';
import { describe, expect, it } from 'vitest';
import { AppProviders } from './AppProviders';

describe('AppProviders', () => {
  it('keeps a two-character button as written: 通过, not 通 过', () => {
    render(
      <AppProviders>
        <Button>通过</Button>
      </AppProviders>,
    );
    expect(screen.getByRole('button').textContent).toBe('通过');
  });
});
