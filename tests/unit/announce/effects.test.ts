import { describe, expect, it } from 'vitest';
import { effectsOf } from '../../../server/announce/effects.ts';
import type { Difference } from '../../../server/rehearse/result.ts';

const d = (
  check: Difference['check'],
  id: string,
  keys: Record<string, string[]>,
  change: string,
  before?: unknown,
  after?: unknown,
): Difference => ({ check, id, label: id, keys, change, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
const NAMES = new Map([
  ['HELP', 'IT Help Desk'],
  ['WEB', 'Storefront Web'],
]);

describe('what people must do and will notice, from differences', () => {
  it.each<[string, Difference[], string[], string[]]>([
    [
      'a field becomes required, folded over issue types',
      [
        d(
          'createmeta',
          'c1',
          { project: ['HELP'], issueType: ['Incident'], field: ['cf1', 'Office Location'] },
          'required',
          { required: false },
          { required: true, hasDefault: true },
        ),
        d(
          'createmeta',
          'c2',
          { project: ['HELP'], issueType: ['Service Request'], field: ['cf1', 'Office Location'] },
          'required',
          { required: false },
          { required: true, hasDefault: true },
        ),
      ],
      [
        'When you create Incident and Service Request issues in IT Help Desk (HELP), “Office Location” is now required (it starts with a default value you can change).',
      ],
      [],
    ],
    [
      'an option disappears',
      [
        d(
          'createmeta',
          'c3',
          { project: ['WEB'], issueType: ['Bug'], field: ['cf2', 'Browser'] },
          'allowedValues',
          { allowed: ['Chrome', 'IE 11'] },
          { allowed: ['Chrome'] },
        ),
      ],
      ['“Browser” no longer offers “IE 11” (when you create Bug issues in Storefront Web (WEB)); pick another value.'],
      [],
    ],
    [
      'permission revoked for several people',
      [
        d('permissions', 'p1', { project: ['SEC', 'Security'], persona: ['a@x', 'Ann'], permission: ['BROWSE_PROJECTS'] }, 'revoked', true, false),
        d('permissions', 'p2', { project: ['SEC', 'Security'], persona: ['b@x', 'Bo'], permission: ['BROWSE_PROJECTS'] }, 'revoked', true, false),
      ],
      ['Ann and Bo can no longer see Security (SEC).'],
      [],
    ],
    [
      'a transition offered no more, and a new one',
      [
        d(
          'transitions',
          'transitions|sees|WEB-1|a@x',
          { project: ['WEB'], issueType: ['Bug'], persona: ['a@x', 'Ann'] },
          'changed',
          ['Close → Closed', 'Start → In Progress'],
          ['Start → In Progress', 'Triage → Needs Triage'],
        ),
      ],
      ['“Close” is no longer offered on Bug issues in Storefront Web (WEB) (for Ann).'],
      ['New: “Triage” on Bug issues in Storefront Web (WEB) (for Ann).'],
    ],
    [
      'a transition that now fails',
      [
        d(
          'transitions',
          'transitions|walk|1',
          { project: ['WEB'], issueType: ['Bug'], transition: ['Resolve'] },
          'changed',
          { taken: true, status: 'Resolved' },
          { taken: false, status: 'Open', messages: ['Fix Version is required'] },
        ),
      ],
      ['“Resolve” can no longer be completed on Bug issues in Storefront Web (WEB): Fix Version is required.'],
      [],
    ],
    [
      'an integration that breaks',
      [
        {
          ...d(
            'integrations',
            'integrations|bot|1',
            { integration: ['Bug bot', 'bot.json'], request: ['1'] },
            'changed',
            { status: 201 },
            { status: 400, errors: { customfield_1: 'Office Location is required.' } },
          ),
          label: 'Bug bot request 1: POST /rest/api/2/issue',
        },
      ],
      [
        'The integration “Bug bot” must be changed: some of its requests now fail (POST /rest/api/2/issue now answers 400 (was 201): customfield_1: Office Location is required.).',
      ],
      [],
    ],
    [
      'notifications stop',
      [d('notifications', 'n1', { recipient: ['a@x'], event: ['resolved'], project: ['WEB'] }, 'removed', 1, undefined)],
      [],
      ['a@x no longer gets “resolved” e-mails in Storefront Web (WEB) that came before.'],
    ],
    [
      'filters and boards',
      [
        d('filters', 'f1', { filter: ['My bugs', '1'] }, 'changed', { keys: ['A-1', 'A-2'] }, { keys: ['A-1'] }),
        d('boards', 'b1', { board: ['Kanban', '3'], column: ['(not on the board)'] }, 'changed', [], ['A-2']),
      ],
      ['Some issues of the board “Kanban” are in no column and so do not show on it: look for them in the issue search.'],
      ['The saved filter “My bugs” returns different issues (2 before, 1 after on the rehearsal copy).'],
    ],
    [
      'options removed in two projects stay apart, and so do fields with and without a default',
      [
        d(
          'createmeta',
          'v1',
          { project: ['MOB'], issueType: ['Bug'], field: ['fv', 'Fix Version/s'] },
          'allowedValues',
          { allowed: ['M 1', 'M 2'] },
          { allowed: ['M 2'] },
        ),
        d(
          'createmeta',
          'v2',
          { project: ['WEB'], issueType: ['Story'], field: ['fv', 'Fix Version/s'] },
          'allowedValues',
          { allowed: ['W 1', 'W 2'] },
          { allowed: ['W 2'] },
        ),
        d(
          'createmeta',
          'r1',
          { project: ['HELP'], issueType: ['Incident'], field: ['ol', 'Office'] },
          'required',
          {},
          { required: true, hasDefault: true },
        ),
        d(
          'createmeta',
          'r2',
          { project: ['HELP'], issueType: ['Task'], field: ['ol', 'Office'] },
          'required',
          {},
          { required: true, hasDefault: false },
        ),
      ],
      [
        '“Fix Version/s” no longer offers “M 1” (when you create Bug issues in MOB); pick another value.',
        '“Fix Version/s” no longer offers “W 1” (when you create Story issues in Storefront Web (WEB)); pick another value.',
        'When you create Incident issues in IT Help Desk (HELP), “Office” is now required (it starts with a default value you can change).',
        'When you create Task issues in IT Help Desk (HELP), “Office” is now required.',
      ],
      [],
    ],
    [
      'a transition gone in two projects: one sentence per project with its own people',
      [
        d(
          'transitions',
          'transitions|sees|WEB-1|a@x',
          { project: ['WEB'], issueType: ['Bug'], persona: ['a@x', 'Ann'] },
          'changed',
          ['Close → Closed'],
          [],
        ),
        d(
          'transitions',
          'transitions|sees|OPS-1|b@x',
          { project: ['OPS'], issueType: ['Task'], persona: ['b@x', 'Bo'] },
          'changed',
          ['Close → Closed'],
          [],
        ),
      ],
      [
        '“Close” is no longer offered on Bug issues in Storefront Web (WEB) (for Ann).',
        '“Close” is no longer offered on Task issues in OPS (for Bo).',
      ],
      [],
    ],
    [
      'a board column reordered is not “different issues”',
      [
        d('boards', 'b2', { board: ['Delivery', '4'], column: ['Done'] }, 'reordered', ['A-1', 'A-2'], ['A-2', 'A-1']),
        d('boards', 'b3', { board: ['Delivery', '4'], column: ['To Do'] }, 'changed', ['A-3'], ['A-4']),
      ],
      [],
      [
        'On the board “Delivery”, the column “To Do” shows different issues.',
        'On the board “Delivery”, the column “Done” lists the same issues in a different order.',
      ],
    ],
  ])('%s', (_name, diffs, mustDo, willNotice) => {
    const e = effectsOf(diffs, NAMES);
    expect(e.mustDo).toEqual(mustDo);
    expect(e.willNotice).toEqual(willNotice);
  });

  it('collects the projects and people the differences name', () => {
    const e = effectsOf([d('permissions', 'p', { project: ['SEC'], persona: ['a@x', 'Ann'], permission: ['EDIT_ISSUES'] }, 'granted', false, true)]);
    expect([...e.projects]).toEqual(['SEC']);
    expect([...e.people]).toEqual(['a@x']);
    expect(e.willNotice).toEqual(['Ann can now edit issues in SEC.']);
  });
});
