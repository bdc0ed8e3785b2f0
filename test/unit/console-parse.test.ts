import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseCommandLine, tokenize } from '../../src/console/parse.ts';
import { completer } from '../../src/console/session.ts';
import { resolveInvocation, validateOptions } from '../../src/runner/invocation.ts';

const parse = (line: string) => parseCommandLine(line, commands);
const validate = (line: string) => {
  const inv = parse(line);
  return validateOptions(resolveInvocation(commands, inv), inv.options);
};

describe('tokenize', () => {
  it('keeps quoted values whole', () => {
    expect(tokenize('/patient search name:"Ann Lee" x')).toEqual(['/patient', 'search', 'name:Ann Lee', 'x']);
    expect(tokenize("a 'b c'")).toEqual(['a', 'b c']);
  });

  it('rejects an unclosed quote', () => {
    expect(() => tokenize('name:"Ann')).toThrow('Unclosed quote');
  });
});

describe('parseCommandLine', () => {
  it('reads the command, subcommand and typed options', () => {
    expect(parse('/er severity level:high window:7d')).toEqual({
      command: 'er',
      subcommand: 'severity',
      options: { level: 'high', window: '7d' },
    });
    expect(parse('/er earliest-treatments type:Casting count:5').options).toEqual({
      type: 'Casting',
      count: 5,
    });
    expect(parse('summary date:2026-03-01')).toEqual({
      command: 'summary',
      subcommand: '',
      options: { date: '2026-03-01' },
    });
  });

  it('lets an unquoted value run on until the next option', () => {
    expect(parse('/er symptom term:chest pain window:30d').options).toEqual({
      term: 'chest pain',
      window: '30d',
    });
  });

  it.each([
    ['/nothing', 'There is no /nothing command'],
    ['/er', '/er needs a subcommand'],
    ['/er bogus', '/er has no subcommand "bogus"'],
    ['/er severity colour:red', '/er severity has no option `colour`'],
    ['/er severity level:high level:low', 'Option `level` is given twice'],
    ['/er earliest-treatments type:Casting count:many', 'Option `count` must be a whole number'],
    ['/ambulance fleet extra', 'Unexpected "extra"'],
  ])('rejects %s', (line, message) => {
    expect(() => parse(line)).toThrow(message);
  });
});

describe('option validation', () => {
  it.each([
    ['/er severity level:urgent', 'Option `level` must be one of: high, medium, low.'],
    ['/er severity', 'Option `level` is required.'],
    ['/er trends window:2w', 'Option `window` must be one of: 24h, 7d, 30d, 90d, 1y.'],
    ['/er earliest-treatments type:Casting count:0', 'Option `count` must be at least 1.'],
    ['/er earliest-treatments type:Casting count:51', 'Option `count` must be at most 50.'],
    ['/patient search name:a', 'Option `name` needs at least 2 characters.'],
    ['/er arrivals from:yesterday to:2026-01-01', 'Option `from` must be a real date as YYYY-MM-DD.'],
    ['/staff workload role:surgeon', 'Option `role` must be one of: physician, nurse.'],
  ])('%s: names the option', (line, message) => {
    expect(() => validate(line)).toThrow(message);
  });

  it('accepts good options and trims text', () => {
    expect(validate('/patient search name:" smi "')).toEqual({ name: 'smi' });
  });
});

describe('tab completion', () => {
  const complete = completer(commands);

  it('completes command names, subcommands and option names', () => {
    expect(complete('/ap')[0]).toEqual(['/appointments']);
    expect(complete('/er res')[0]).toEqual(['response-times ']);
    expect(complete('/er response-times w')[0]).toEqual(['window:']);
    expect(complete('/summary d')[0]).toEqual(['date:']);
  });

  it('completes a group, then its subcommands, then their options', () => {
    expect(complete('/admin al')[0]).toEqual(['alerts ']);
    expect(complete('/admin alerts s')[0]).toEqual(['show ', 'set ', 'snooze ']);
    expect(complete('/admin alerts set cl')[0]).toEqual(['clear-at:']);
  });
});

describe('subcommand groups', () => {
  it('reads a group and its subcommand as one subcommand, with its options', () => {
    expect(parseCommandLine('/admin alerts set rule:census at:40 clear-at:35', commands)).toEqual({
      command: 'admin',
      subcommand: 'alerts set',
      options: { rule: 'census', at: 40, 'clear-at': 35 },
    });
  });

  it('a group without a subcommand of its own says which there are', () => {
    for (const line of ['/admin alerts', '/admin alerts stop', '/admin alerts rule:census'])
      expect(() => parseCommandLine(line, commands), line).toThrow(
        '/admin alerts needs one of: show, set, snooze.',
      );
  });
});
