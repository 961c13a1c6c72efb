// Routes the app understands, including the join link a QR code carries.
import { describe, expect, it } from 'vitest';
import { parseRoute, workshopHref } from '../../../renderer/app/route';

describe('parseRoute', () => {
  it('reads start, workshop views and join links', () => {
    expect(parseRoute('')).toEqual({ screen: 'start' });
    expect(parseRoute('#/')).toEqual({ screen: 'start' });
    expect(parseRoute('#/w/abc_1-2')).toEqual({ screen: 'workshop', id: 'abc_1-2', view: 'board' });
    for (const view of ['board', 'strategy', 'session'] as const) {
      expect(parseRoute(workshopHref('x', view))).toEqual({ screen: 'workshop', id: 'x', view });
    }
    expect(parseRoute('#/join?code=K7QM-3XRD')).toEqual({ screen: 'join', code: 'K7QM-3XRD' });
    expect(parseRoute('#/join')).toEqual({ screen: 'join', code: '' });
  });

  it('falls back to the start screen for anything else', () => {
    expect(parseRoute('#/w/../../etc')).toEqual({ screen: 'start' });
    expect(parseRoute('#/w/x/admin')).toEqual({ screen: 'start' });
    expect(parseRoute('#/join?code=' + 'A'.repeat(100))).toEqual({
      screen: 'join',
      code: 'A'.repeat(32),
    });
  });
});
