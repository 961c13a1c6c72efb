// `npm run host` lists its session on the network unless told --no-announce.
import { describe, expect, it } from 'vitest';
import { helpText, parseCliArgs } from '../../../electron/host/cliArgs';

describe('--no-announce', () => {
  it('announces by default and not with --no-announce', () => {
    expect(parseCliArgs(['--workshop', 'w1'], '/app')).toMatchObject({
      kind: 'run',
      options: { announce: true },
    });
    expect(parseCliArgs(['--workshop', 'w1', '--no-announce'], '/app')).toMatchObject({
      kind: 'run',
      options: { announce: false },
    });
  });

  it('is in the help text', () => {
    expect(helpText([])).toMatch(/--no-announce {5}do not list the session on the network/);
  });
});
