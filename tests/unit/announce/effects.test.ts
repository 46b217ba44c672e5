import { describe, expect, it } from 'vitest';
import { effectsOf } from '../../../server/announce/effects.ts';
import type { Difference } from '../../../server/rehearse/result.ts';

const d = (check: Difference['check'], id: string, keys: Record<string, string[]>, change: string, before?: unknown, after?: unknown): Difference =>
  ({ check, id, label: id, keys, change, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
const NAMES = new Map([['HELP', 'IT Help Desk'], ['WEB', 'Storefront Web']]);

describe('what people must do and will notice, from differences', () => {
  it.each<[string, Difference[], string[], string[]]>([
    ['a field becomes required, folded over issue types', [
      d('createmeta', 'c1', { project: ['HELP'], issueType: ['Incident'], field: ['cf1', 'Office Location'] }, 'required', { required: false }, { required: true, hasDefault: true }),
      d('createmeta', 'c2', { project: ['HELP'], issueType: ['Service Request'], field: ['cf1', 'Office Location'] }, 'required', { required: false }, { required: true, hasDefault: true }),
    ], ['When you create Incident and Service Request issues in IT Help Desk (HELP), “Office Location” is now required (it starts with a default value you can change).'], []],
    ['an option disappears', [
      d('createmeta', 'c3', { project: ['WEB'], issueType: ['Bug'], field: ['cf2', 'Browser'] }, 'allowedValues', { allowed: ['Chrome', 'IE 11'] }, { allowed: ['Chrome'] }),
    ], ['“Browser” no longer offers “IE 11” (when you create Bug issues in Storefront Web (WEB)); pick another value.'], []],
    ['permission revoked for several people', [
      d('permissions', 'p1', { project: ['SEC', 'Security'], persona: ['a@x', 'Ann'], permission: ['BROWSE_PROJECTS'] }, 'revoked', true, false),
      d('permissions', 'p2', { project: ['SEC', 'Security'], persona: ['b@x', 'Bo'], permission: ['BROWSE_PROJECTS'] }, 'revoked', true, false),
    ], ['Ann and Bo can no longer see Security (SEC).'], []],
    ['a transition offered no more, and a new one', [
      d('transitions', 'transitions|sees|WEB-1|a@x', { project: ['WEB'], issueType: ['Bug'], persona: ['a@x', 'Ann'] }, 'changed', ['Close → Closed', 'Start → In Progress'], ['Start → In Progress', 'Triage → Needs Triage']),
    ], ['“Close” is no longer offered on Bug issues in Storefront Web (WEB) (for Ann).'], ['New: “Triage” on Bug issues in Storefront Web (WEB) (for Ann).']],
    ['a transition that now fails', [
      d('transitions', 'transitions|walk|1', { project: ['WEB'], issueType: ['Bug'], transition: ['Resolve'] }, 'changed', { taken: true, status: 'Resolved' }, { taken: false, status: 'Open', messages: ['Fix Version is required'] }),
    ], ['“Resolve” can no longer be completed on Bug issues in Storefront Web (WEB): Fix Version is required.'], []],
    ['an integration that breaks', [
      { ...d('integrations', 'integrations|bot|1', { integration: ['Bug bot', 'bot.json'], request: ['1'] }, 'changed', { status: 201 }, { status: 400, errors: { customfield_1: 'Office Location is required.' } }), label: 'Bug bot request 1: POST /rest/api/2/issue' },
    ], ['The integration “Bug bot” must be changed: some of its requests now fail (POST /rest/api/2/issue now answers 400 (was 201): customfield_1: Office Location is required.).'], []],
    ['notifications stop', [
      d('notifications', 'n1', { recipient: ['a@x'], event: ['resolved'], project: ['WEB'] }, 'removed', 1, undefined),
    ], [], ['a@x no longer gets “resolved” e-mails in Storefront Web (WEB) that came before.']],
    ['filters and boards', [
      d('filters', 'f1', { filter: ['My bugs', '1'] }, 'changed', { keys: ['A-1', 'A-2'] }, { keys: ['A-1'] }),
      d('boards', 'b1', { board: ['Kanban', '3'], column: ['(not on the board)'] }, 'changed', [], ['A-2']),
    ], ['Some issues of the board “Kanban” are in no column and so do not show on it: look for them in the issue search.'], ['The saved filter “My bugs” returns different issues (2 before, 1 after on the rehearsal copy).']],
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
