import { describe, expect, it } from 'vitest';
import type { Condition, Config, ConditionTree, Issue } from '../../../server/model/types.ts';
import { NOW, makeTracker, trackerError } from './setup.ts';

const ids = (t: ReturnType<typeof makeTracker>, actor: string | null, key: string) => t.transitions(actor, key).map((x) => x.id);
const issueOf = (issues: Issue[], key: string) => issues.find((i) => i.key === key)!;
const transition = (c: Config, id: string) => c.workflows.flatMap((w) => w.transitions).find((t) => t.id === id)!;

describe('available transitions', () => {
  const t = makeTracker();
  const cases: Array<[string | null, string, string[], string]> = [
    ['u-bob', 'ACME-1', ['t-start'], 'directed from Open; the global one leads to the current status'],
    ['u-bob', 'ACME-2', ['t-review', 't-back', 't-reopen'], 'directed from In Progress plus global'],
    ['u-bob', 'ACME-6', ['t-done', 't-back', 't-reopen'], 'a developer who is not the assignee may finish'],
    ['u-carol', 'ACME-6', ['t-back', 't-reopen'], 'isAssignee negated hides Done from the assignee'],
    ['u-erin', 'ACME-6', ['t-back', 't-reopen'], 'inGroup hides Done from a non-developer'],
    ['u-dave', 'ACME-1', [], 'no TRANSITION_ISSUES, no transitions'],
    ['u-carol', 'OPS-1', ['t-s-close'], 'the simple workflow in OPS'],
    ['u-bob', 'ACME-4', ['t-s-reopen'], 'sub-tasks follow their own workflow'],
  ];
  it.each(cases)('%s on %s → %j (%s)', (actor, key, expected) => {
    expect(ids(t, actor, key)).toEqual(expected);
  });

  it('describes the target status and the screen fields with their required flags', () => {
    const view = makeTracker((c) => {
      c.fieldConfigurations[1]!.items.push({ field: 'customfield_10017', required: true });
    })
      .transitions('u-bob', 'ACME-6')
      .find((x) => x.id === 't-done')!;
    expect(view).toMatchObject({ name: 'Done', to: { id: '4', name: 'Done', category: 'done' }, hasScreen: true, isGlobal: false });
    expect(view.fields.map((f) => [f.fieldId, f.required])).toEqual([
      ['assignee', false],
      ['fixVersions', false],
      ['customfield_10017', true],
    ]);
    expect(t.transitions('u-bob', 'ACME-2').find((x) => x.id === 't-reopen')).toMatchObject({ hasScreen: false, isGlobal: true, fields: [] });
  });
});

describe('condition trees', () => {
  // Evaluated on ACME-2: reporter erin, assignee carol, priority High (2), tags [security, deps].
  const cases: Array<[string, string, Condition | ConditionTree, boolean]> = [
    ['isReporter as the reporter', 'u-erin', { type: 'isReporter' }, true],
    ['isReporter as someone else', 'u-bob', { type: 'isReporter' }, false],
    ['isAssignee', 'u-carol', { type: 'isAssignee' }, true],
    ['fieldValue =', 'u-bob', { type: 'fieldValue', field: 'priority', operator: '=', value: '2' }, true],
    ['fieldValue = other', 'u-bob', { type: 'fieldValue', field: 'priority', operator: '=', value: '1' }, false],
    ['fieldValue !=', 'u-bob', { type: 'fieldValue', field: 'priority', operator: '!=', value: '1' }, true],
    ['fieldValue empty', 'u-bob', { type: 'fieldValue', field: 'labels', operator: 'empty' }, true],
    ['fieldValue notEmpty', 'u-bob', { type: 'fieldValue', field: 'labels', operator: 'notEmpty' }, false],
    ['fieldValue = on a multi-value field', 'u-bob', { type: 'fieldValue', field: 'customfield_10016', operator: '=', value: 'deps' }, true],
    ['fieldValue on status', 'u-bob', { type: 'fieldValue', field: 'status', operator: '=', value: '2' }, true],
    ['inGroup', 'u-bob', { type: 'inGroup', group: 'g-security' }, false],
    ['inGroup negated', 'u-bob', { type: 'inGroup', group: 'g-security', negate: true }, true],
    ['inProjectRole held', 'u-alice', { type: 'inProjectRole', role: '10002' }, true],
    ['inProjectRole not held', 'u-bob', { type: 'inProjectRole', role: '10002' }, false],
    ['permission held (lead may delete)', 'u-bob', { type: 'permission', permission: 'DELETE_ISSUES' }, true],
    ['permission not held', 'u-carol', { type: 'permission', permission: 'DELETE_ISSUES' }, false],
    [
      'any of (all of (false, true), true)',
      'u-bob',
      {
        op: 'any',
        conditions: [
          { op: 'all', conditions: [{ type: 'isReporter' }, { type: 'inGroup', group: 'g-devs' }] },
          { type: 'inGroup', group: 'g-devs' },
        ],
      },
      true,
    ],
    ['all of (true, false)', 'u-bob', { op: 'all', conditions: [{ type: 'inGroup', group: 'g-devs' }, { type: 'isReporter' }] }, false],
    ['an empty tree', 'u-bob', { op: 'all', conditions: [] }, true],
  ];
  it.each(cases)('%s', (_n, actor, condition, visible) => {
    const t = makeTracker((c) => {
      transition(c, 't-review').rules.conditions = 'op' in condition ? condition : { op: 'all', conditions: [condition] };
      // give everyone TRANSITION_ISSUES so the condition alone decides
      c.permissionSchemes[0]!.grants.push({ id: 'x', permission: 'TRANSITION_ISSUES', holder: { type: 'loggedIn' } });
    });
    expect(ids(t, actor, 'ACME-2').includes('t-review')).toBe(visible);
    if (!visible) expect(trackerError(() => t.doTransition(actor, 'ACME-2', 't-review')).status).toBe(400);
  });
});

describe('doing a transition: refusals', () => {
  const cases: Array<[string, string, string, string, { fields?: Record<string, unknown>; comment?: string }, (c: Config) => void, object]> = [
    [
      'not available from this status',
      'u-bob',
      'ACME-1',
      't-done',
      {},
      () => {},
      { errorMessages: ["Transition id 't-done' is not valid for this issue."], errors: {} },
    ],
    [
      'hidden by a condition',
      'u-carol',
      'ACME-6',
      't-done',
      { comment: 'x' },
      () => {},
      { errorMessages: ["Transition id 't-done' is not valid for this issue."], errors: {} },
    ],
    ['fieldRequired validator', 'u-bob', 'ACME-2', 't-review', {}, () => {}, { errorMessages: [], errors: { customfield_10013: 'Pick a reviewer' } }],
    [
      'field set on a transition without a screen',
      'u-bob',
      'ACME-2',
      't-review',
      { fields: { customfield_10013: 'u-bob' } },
      () => {},
      {
        errorMessages: [],
        errors: { customfield_10013: "Field 'customfield_10013' cannot be set. It is not on the appropriate screen, or unknown." },
      },
    ],
    ['commentRequired validator', 'u-bob', 'ACME-6', 't-done', {}, () => {}, { errorMessages: ['Comment is required.'], errors: {} }],
    [
      'field not on the transition screen',
      'u-bob',
      'ACME-6',
      't-done',
      { comment: 'x', fields: { summary: 'y' } },
      () => {},
      { errorMessages: [], errors: { summary: "Field 'summary' cannot be set. It is not on the appropriate screen, or unknown." } },
    ],
    [
      'required screen field left empty',
      'u-bob',
      'ACME-6',
      't-done',
      { comment: 'x', fields: { customfield_10017: null } },
      (c) => {
        c.fieldConfigurations[1]!.items.push({ field: 'customfield_10017', required: true });
      },
      { errorMessages: [], errors: { customfield_10017: 'Root Cause is required.' } },
    ],
    [
      'fieldMatches validator',
      'u-bob',
      'ACME-2',
      't-back',
      {},
      (c) => {
        transition(c, 't-back').rules.validators = [{ type: 'fieldMatches', field: 'summary', pattern: '^\\[' }];
      },
      { errorMessages: [], errors: { summary: "Summary does not match the required format '^\\['." } },
    ],
  ];
  it.each(cases)('%s', (_n, actor, key, id, input, change, body) => {
    const t = makeTracker(change);
    const before = structuredClone(t.getIssue(actor, key));
    const e = trackerError(() => t.doTransition(actor, key, id, input));
    expect(e.status).toBe(400);
    expect(e.body).toEqual(body);
    expect(t.getIssue(actor, key)).toEqual(before);
    expect(t.outbox).toEqual([]);
  });

  it('passes the fieldRequired validator once the field has a value', () => {
    const t = makeTracker((_c, issues) => {
      issueOf(issues, 'ACME-2').customFields.customfield_10013 = 'u-bob';
    });
    expect(t.doTransition('u-bob', 'ACME-2', 't-review').status).toBe('3');
  });
});

describe('doing a transition: effects', () => {
  it('applies screen values and post functions, writes one history entry, raises resolved', () => {
    const t = makeTracker((_c, issues) => {
      issueOf(issues, 'ACME-6').customFields.customfield_10010 = 'opt-sev-1';
    });
    const issue = t.doTransition('u-bob', 'ACME-6', 't-done', {
      comment: 'Fixed it.',
      fields: { customfield_10017: 'font cache', fixVersions: ['ver-2'] },
    });
    expect(issue).toMatchObject({ status: '4', resolution: '1', resolutionDate: NOW, updated: NOW });
    expect(issue.customFields).toMatchObject({ customfield_10010: 'opt-sev-3', customfield_10017: 'font cache' });
    expect(issue.comments.map((c) => [c.author, c.body])).toEqual([
      ['u-bob', 'Fixed it.'],
      ['u-bob', 'Resolved.'],
    ]);
    expect(issue.history).toHaveLength(1);
    expect(issue.history[0]!.items.map((i) => [i.fieldId, i.fromString, i.toString])).toEqual([
      ['status', 'In Review', 'Done'],
      ['resolution', null, 'Fixed'],
      ['customfield_10017', 'copy edit', 'font cache'],
      ['fixVersions', null, '2.0'],
      ['customfield_10010', 'Critical', 'Minor'],
    ]);
    // resolved → reporter (Frank, inactive: skipped), role Developers (alice, bob, carol, erin), user alice (duplicate)
    expect(t.outbox.map((o) => [o.event, o.recipient])).toEqual([
      ['resolved', 'u-alice'],
      ['resolved', 'u-bob'],
      ['resolved', 'u-carol'],
      ['resolved', 'u-erin'],
    ]);
  });

  it('the assign post function assigns the current user', () => {
    const issue = makeTracker().doTransition('u-carol', 'ACME-1', 't-start');
    expect(issue).toMatchObject({ status: '2', assignee: 'u-carol' });
    expect(issue.history[0]!.items.map((i) => i.fieldId)).toEqual(['status', 'assignee']);
  });

  const resolutionCases: Array<[string, string, string, string, (c: Config) => void, string | null, string]> = [
    [
      'entering done without setResolution leaves it unresolved',
      'u-bob',
      'ACME-6',
      't-done',
      (c) => {
        transition(c, 't-done').rules.postFunctions = [];
      },
      null,
      'closed',
    ],
    [
      'leaving done clears the resolution even without a post function',
      'u-bob',
      'ACME-3',
      't-reopen',
      (c) => {
        transition(c, 't-reopen').rules.postFunctions = [];
      },
      null,
      'reopened',
    ],
    ['the clearResolution post function', 'u-bob', 'ACME-3', 't-reopen', () => {}, null, 'reopened'],
    ['setResolution entering done', 'u-carol', 'OPS-1', 't-s-close', () => {}, '1', 'resolved'],
    ['reopening a closed sub-task', 'u-bob', 'ACME-4', 't-s-reopen', () => {}, null, 'reopened'],
    ['moving between open statuses', 'u-bob', 'ACME-2', 't-back', () => {}, null, 'transitioned'],
  ];
  it.each(resolutionCases)('%s', (_n, actor, key, id, change, resolution, event) => {
    const t = makeTracker((c) => {
      change(c);
      c.notificationSchemes[0]!.events.push(
        ...(['closed', 'reopened', 'transitioned'] as const).map((e) => ({ event: e, recipients: [{ type: 'currentUser' as const }] })),
      );
    });
    const wasResolved = t.getIssue(actor, key).resolution !== null;
    const issue = t.doTransition(actor, key, id, { comment: 'c' });
    expect(issue.resolution).toBe(resolution);
    if (resolution === null && wasResolved) {
      expect(issue.resolutionDate).toBeNull();
      expect(issue.history.at(-1)!.items.find((i) => i.fieldId === 'resolution')).toMatchObject({ from: '1', to: null });
    }
    if (resolution !== null) expect(issue.resolutionDate).toBe(NOW);
    expect(t.outbox.length).toBeGreaterThan(0);
    expect([...new Set(t.outbox.map((o) => o.event))]).toEqual([event]);
  });
});

describe('a Resolution field on the transition screen', () => {
  const setup = (grantResolve: boolean) =>
    makeTracker((c) => {
      c.screens.find((s) => s.id === 'scr-resolve')!.tabs[0]!.fields.push('resolution');
      transition(c, 't-done').rules.postFunctions = [];
      if (grantResolve)
        c.permissionSchemes[0]!.grants.push({ id: 'x', permission: 'RESOLVE_ISSUES', holder: { type: 'projectRole', value: '10001' } });
    });

  it('is hidden from those without RESOLVE_ISSUES', () => {
    const t = setup(false);
    expect(
      t
        .transitions('u-bob', 'ACME-6')
        .find((x) => x.id === 't-done')!
        .fields.map((f) => f.fieldId),
    ).not.toContain('resolution');
    expect(
      trackerError(() => t.doTransition('u-bob', 'ACME-6', 't-done', { comment: 'x', fields: { resolution: '2' } })).body.errors.resolution,
    ).toBe("Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.");
  });

  it('is required and sets the resolution for those who may resolve', () => {
    const t = setup(true);
    const field = t
      .transitions('u-bob', 'ACME-6')
      .find((x) => x.id === 't-done')!
      .fields.find((f) => f.fieldId === 'resolution')!;
    expect(field).toMatchObject({ required: true, name: 'Resolution' });
    expect(field.allowedValues?.map((v) => v.name)).toEqual(['Fixed', "Won't Fix", 'Duplicate']);
    expect(trackerError(() => t.doTransition('u-bob', 'ACME-6', 't-done', { comment: 'x' })).body.errors).toEqual({
      resolution: 'Resolution is required.',
    });
    expect(trackerError(() => t.doTransition('u-bob', 'ACME-6', 't-done', { comment: 'x', fields: { resolution: '9' } })).body.errors).toEqual({
      resolution: "Resolution id '9' is not valid",
    });
    const issue = t.doTransition('u-bob', 'ACME-6', 't-done', { comment: 'x', fields: { resolution: '2' } });
    expect(issue).toMatchObject({ status: '4', resolution: '2', resolutionDate: NOW });
    expect(t.outbox[0]!.event).toBe('resolved');
  });
});

describe('a comment given with a transition', () => {
  it('needs ADD_COMMENTS', () => {
    const t = makeTracker((c) => {
      c.permissionSchemes[0]!.grants = c.permissionSchemes[0]!.grants.filter((g) => g.permission !== 'ADD_COMMENTS');
    });
    const e = trackerError(() => t.doTransition('u-bob', 'ACME-2', 't-back', { comment: 'going back' }));
    expect(e.body.errors).toEqual({ comment: 'You do not have the permission to comment on this issue.' });
    expect(t.doTransition('u-bob', 'ACME-2', 't-back').status).toBe('1');
  });
});
