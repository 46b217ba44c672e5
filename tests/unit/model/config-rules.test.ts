import { describe, expect, it } from 'vitest';
import type { Condition, PostFunction } from '../../../server/model/types.ts';
import { lines, validateMutated, type Content } from './helpers.ts';

interface Case {
  name: string;
  rule: string;
  mutate: (c: Content) => void;
  expected: string;
  severity?: 'error' | 'warning';
}

const wf = (c: Content, i: number) => c.config.workflows[i]!;

const CASES: Case[] = [
  {
    name: 'duplicate status id',
    rule: 'unique-ids',
    mutate: (c) => {
      c.config.statuses[1]!.id = '1';
    },
    expected: "config.json: statuses[1].id: duplicate id '1' (already used by statuses[0].id)",
  },
  {
    name: 'duplicate user e-mail',
    rule: 'unique-ids',
    mutate: (c) => {
      c.config.users[1]!.email = 'ALICE@tiny.example';
    },
    expected: 'users[1].email: duplicate e-mail',
  },
  {
    name: 'duplicate option id across children',
    rule: 'unique-ids',
    mutate: (c) => {
      c.config.fields[13]!.contexts[0]!.options![1]!.children![0]!.id = 'opt-loc-eu-ber';
    },
    expected: "duplicate option id 'opt-loc-eu-ber'",
  },
  {
    name: 'duplicate issue type name, case-insensitive',
    rule: 'unique-names',
    mutate: (c) => {
      c.config.issueTypes[1]!.name = 'BUG';
    },
    expected: "issueTypes[1].name: duplicate issue type name 'BUG'",
  },
  {
    name: 'duplicate custom field name',
    rule: 'unique-names',
    mutate: (c) => {
      c.config.fields[12]!.name = 'severity';
    },
    expected: "fields[12].name: duplicate custom field name 'severity'",
  },
  {
    name: 'custom field named like a system field',
    rule: 'unique-names',
    mutate: (c) => {
      c.config.fields[18]!.name = 'Labels';
    },
    expected: "warning: config.json: fields[18].name: custom field name 'Labels' is also a system field's name",
    severity: 'warning',
  },
  {
    name: 'duplicate project name',
    rule: 'unique-names',
    mutate: (c) => {
      c.config.projects[1]!.name = 'Acme Product';
    },
    expected: "projects[1].name: duplicate project name 'Acme Product'",
  },
  {
    name: 'duplicate group name',
    rule: 'unique-names',
    mutate: (c) => {
      c.config.groups[2]!.name = 'developers';
    },
    expected: "groups[2].name: duplicate group name 'developers'",
  },
  {
    name: 'duplicate screen name',
    rule: 'unique-names',
    mutate: (c) => {
      c.config.screens[2]!.name = 'Default Screen';
    },
    expected: "screens[2].name: duplicate screen name 'Default Screen'",
  },
  {
    name: 'two transitions with one name from a status',
    rule: 'unique-names',
    mutate: (c) => {
      wf(c, 0).transitions[4]!.name = 'Request Review';
    },
    expected: "workflows[0].transitions[4].name: duplicate transition name from status '2' 'Request Review'",
  },
  {
    name: 'duplicate option value',
    rule: 'unique-names',
    mutate: (c) => {
      c.config.fields[11]!.contexts[0]!.options![1]!.value = 'critical';
    },
    expected: "options[1].value: duplicate option value 'critical'",
  },
  {
    name: 'user in a missing group',
    rule: 'people-references',
    mutate: (c) => {
      c.config.users[1]!.groups.push('g-nope');
    },
    expected: "users[1].groups[1]: unknown group 'g-nope'",
  },
  {
    name: 'global permission for a missing group',
    rule: 'people-references',
    mutate: (c) => {
      c.config.globalPermissions[0]!.group = 'g-gone';
    },
    expected: "globalPermissions[0].group: unknown group 'g-gone'",
  },
  {
    name: 'missing system field',
    rule: 'field-contexts',
    mutate: (c) => {
      c.config.fields.splice(10, 1);
      c.config.screens[0]!.tabs[0]!.fields.pop();
    },
    expected: "config.json: fields: system field 'duedate' is missing",
  },
  {
    name: 'context for an unknown issue type',
    rule: 'field-contexts',
    mutate: (c) => {
      c.config.fields[14]!.contexts[0]!.issueTypes.push('99');
    },
    expected: "fields[14].contexts[0].issueTypes[0]: unknown issue type '99'",
  },
  {
    name: 'default not among the options',
    rule: 'field-contexts',
    mutate: (c) => {
      c.config.fields[11]!.contexts[0]!.default = 'opt-x';
    },
    expected: "fields[11].contexts[0].default: unknown option 'opt-x' of field 'Severity'",
  },
  {
    name: 'options on a text field',
    rule: 'field-contexts',
    mutate: (c) => {
      c.config.fields[18]!.contexts[0]!.options = [{ id: 'o', value: 'x' }];
    },
    expected: "fields[18].contexts[0].options: text field 'Root Cause' does not take options",
  },
  {
    name: 'project lead missing',
    rule: 'project-references',
    mutate: (c) => {
      c.config.projects[0]!.lead = 'u-bobby';
    },
    expected: "projects[0].lead: unknown user 'u-bobby' (known: u-alice",
  },
  {
    name: 'inactive project lead',
    rule: 'project-references',
    mutate: (c) => {
      c.config.projects[0]!.lead = 'u-frank';
    },
    expected: "warning: config.json: projects[0].lead: project lead 'u-frank' is an inactive user",
    severity: 'warning',
  },
  {
    name: 'component lead missing',
    rule: 'project-references',
    mutate: (c) => {
      c.config.projects[0]!.components[0]!.lead = 'u-x';
    },
    expected: "projects[0].components[0].lead: unknown user 'u-x'",
  },
  {
    name: 'role actor group missing',
    rule: 'project-references',
    mutate: (c) => {
      c.config.projects[1]!.roles[1]!.actors[0]!.id = 'g-x';
    },
    expected: "projects[1].roles[1].actors[0].id: unknown group 'g-x'",
  },
  {
    name: 'project names a missing scheme',
    rule: 'project-references',
    mutate: (c) => {
      c.config.projects[1]!.schemes.notificationScheme = 'ns-x';
    },
    expected: "projects[1].schemes.notificationScheme: unknown notification scheme 'ns-x'",
  },
  {
    name: 'scheme default type not in scheme',
    rule: 'scheme-references',
    mutate: (c) => {
      c.config.issueTypeSchemes[1]!.defaultIssueType = '10001';
    },
    expected: "issueTypeSchemes[1].defaultIssueType: default issue type '10001' is not in the scheme's issueTypes",
  },
  {
    name: 'workflow scheme names a missing workflow',
    rule: 'scheme-references',
    mutate: (c) => {
      c.config.workflowSchemes[0]!.mappings[0]!.workflow = 'wf-x';
    },
    expected:
      "workflowSchemes[0].mappings[0].workflow: unknown workflow 'wf-x' (known: wf-software (Software Workflow), wf-simple (Simple Workflow))",
  },
  {
    name: 'screen names a missing field',
    rule: 'screen-references',
    mutate: (c) => {
      c.config.screens[1]!.tabs[0]!.fields.push('customfield_99999');
    },
    expected: "screens[1].tabs[0].fields[3]: unknown field 'customfield_99999'",
  },
  {
    name: 'field twice on a screen',
    rule: 'screen-references',
    mutate: (c) => {
      c.config.screens[0]!.tabs[1]!.fields.push('summary');
    },
    expected: "screens[0].tabs[1].fields[8]: duplicate field on screen 'Default Screen' 'summary'",
  },
  {
    name: 'screen scheme names a missing screen',
    rule: 'screen-references',
    mutate: (c) => {
      c.config.screenSchemes[1]!.screens.edit = 'scr-x';
    },
    expected: "screenSchemes[1].screens.edit: unknown screen 'scr-x'",
  },
  {
    name: 'required and hidden',
    rule: 'screen-references',
    mutate: (c) => {
      c.config.fieldConfigurations[1]!.items[0]!.hidden = true;
    },
    expected: "fieldConfigurations[1].items[0]: field 'customfield_10010' is both required and hidden",
  },
  {
    name: 'field configuration names a missing field',
    rule: 'screen-references',
    mutate: (c) => {
      c.config.fieldConfigurations[1]!.items[0]!.field = 'customfield_1';
    },
    expected: "fieldConfigurations[1].items[0].field: unknown field 'customfield_1'",
  },
  {
    name: 'transition from a status outside the workflow',
    rule: 'workflow-references',
    mutate: (c) => {
      wf(c, 0).transitions[1]!.from = ['5'];
    },
    expected: "workflows[0].transitions[1].from[0]: status '5' (Backlog) is not a status of workflow 'Software Workflow'",
  },
  {
    name: 'transition screen missing',
    rule: 'workflow-references',
    mutate: (c) => {
      wf(c, 0).transitions[3]!.screen = 'scr-gone';
    },
    expected: "workflows[0].transitions[3].screen: unknown screen 'scr-gone'",
  },
  {
    name: 'condition names a missing group',
    rule: 'workflow-references',
    mutate: (c) => {
      (wf(c, 0).transitions[3]!.rules.conditions!.conditions[0] as Condition & { group: string }).group = 'g-x';
    },
    expected: "workflows[0].transitions[3].rules.conditions.conditions[0].group: unknown group 'g-x'",
  },
  {
    name: 'condition names a missing role',
    rule: 'workflow-references',
    mutate: (c) => {
      (wf(c, 0).transitions[1]!.rules.conditions!.conditions[1] as Condition & { role: string }).role = '1';
    },
    expected: "conditions[1].role: unknown project role '1'",
  },
  {
    name: 'validator names a missing field',
    rule: 'workflow-references',
    mutate: (c) => {
      wf(c, 0).transitions[2]!.rules.validators = [{ type: 'fieldRequired', fields: ['customfield_10099'] }];
    },
    expected: "transitions[2].rules.validators[0].fields[0]: unknown field 'customfield_10099'",
  },
  {
    name: 'validator with a broken pattern',
    rule: 'workflow-references',
    mutate: (c) => {
      wf(c, 0).transitions[2]!.rules.validators = [{ type: 'fieldMatches', field: 'summary', pattern: '([' }];
    },
    expected: "validators[0].pattern: '([' is not a valid regular expression",
  },
  {
    name: 'post function sets a missing resolution',
    rule: 'workflow-references',
    mutate: (c) => {
      (wf(c, 1).transitions[2]!.rules.postFunctions[0] as PostFunction & { resolution: string }).resolution = '9';
    },
    expected: "workflows[1].transitions[2].rules.postFunctions[0].resolution: unknown resolution '9'",
  },
  {
    name: 'post function sets an unknown option',
    rule: 'workflow-references',
    mutate: (c) => {
      (wf(c, 0).transitions[3]!.rules.postFunctions[1] as PostFunction & { value: unknown }).value = 'opt-nope';
    },
    expected: "postFunctions[1].value: unknown option 'opt-nope' of field 'Severity' in context 'any context'",
  },
  {
    name: 'assign to user without a user',
    rule: 'workflow-references',
    mutate: (c) => {
      wf(c, 0).transitions[1]!.rules.postFunctions = [{ type: 'assign', to: 'user' }];
    },
    expected: "postFunctions[0]: assigns to 'user' but names no user",
  },
  {
    name: 'two initial transitions',
    rule: 'workflow-initial',
    mutate: (c) => {
      wf(c, 0).transitions[5]!.type = 'initial';
    },
    expected: "workflows[0].transitions[5].type: workflow 'Software Workflow' has a second initial transition 'Reopen'",
  },
  {
    name: 'directed transition without sources',
    rule: 'workflow-initial',
    mutate: (c) => {
      wf(c, 0).transitions[4]!.from = [];
    },
    expected: "workflows[0].transitions[4].from: directed transition 'Back to Open' has no source status",
  },
  {
    name: 'workflow without a done status',
    rule: 'workflow-reachable',
    mutate: (c) => {
      c.config.statuses[3]!.category = 'in-progress';
    },
    expected: "workflows[0].statuses: workflow 'Software Workflow' has no done-category status",
  },
  {
    name: 'grant without a value',
    rule: 'permission-holders',
    mutate: (c) => {
      delete c.config.permissionSchemes[0]!.grants[1]!.holder.value;
    },
    expected: "permissionSchemes[0].grants[1].holder: holder type 'projectRole' needs a 'value'",
  },
  {
    name: 'grant to a missing role',
    rule: 'permission-holders',
    mutate: (c) => {
      c.config.permissionSchemes[0]!.grants[1]!.holder.value = '10009';
    },
    expected: "permissionSchemes[0].grants[1].holder.value: unknown project role '10009'",
  },
  {
    name: 'recipient group missing',
    rule: 'notification-recipients',
    mutate: (c) => {
      c.config.notificationSchemes[0]!.events[1]!.recipients[2]!.value = 'g-nope';
    },
    expected: "notificationSchemes[0].events[1].recipients[2].value: unknown group 'g-nope'",
  },
  {
    name: 'recipient role missing',
    rule: 'notification-recipients',
    mutate: (c) => {
      c.config.notificationSchemes[0]!.events[2]!.recipients[1]!.value = 'r-x';
    },
    expected: "events[2].recipients[1].value: unknown project role 'r-x'",
  },
  {
    name: 'nobody can administer',
    rule: 'project-access',
    mutate: (c) => {
      c.config.permissionSchemes[1]!.grants[4]!.holder.value = 'u-frank';
    },
    expected:
      "projects[2].schemes.permissionScheme: nobody active can administer project 'SEC': scheme 'Restricted Permission Scheme' grants ADMINISTER_PROJECTS only to user 'u-frank'",
  },
  {
    name: 'filter owner missing',
    rule: 'filter-references',
    mutate: (c) => {
      c.config.filters[0]!.owner = 'u-gone';
    },
    expected: "filters[0].owner: unknown user 'u-gone'",
  },
  {
    name: 'filter shared with a missing group',
    rule: 'filter-references',
    mutate: (c) => {
      c.config.filters[1]!.shares[0]!.value = 'g-x';
    },
    expected: "filters[1].shares[0].value: unknown group 'g-x'",
  },
  {
    name: 'filter shared with a missing project',
    rule: 'filter-references',
    mutate: (c) => {
      c.config.filters[0]!.shares[0]!.value = 'NOPE';
    },
    expected: "filters[0].shares[0].value: unknown project key 'NOPE'",
  },
  {
    name: 'JQL names a missing status',
    rule: 'filter-jql',
    mutate: (c) => {
      c.config.filters[0]!.jql = 'status = Dne';
    },
    expected:
      "filters[0].jql: filter 'Open ACME bugs': the value 'Dne' does not exist for the field 'status' (known: 1 (Open), 2 (In Progress), 3 (In Review), 4 (Done), 5 (Backlog), 6 (Closed))",
  },
  {
    name: 'JQL names a missing option',
    rule: 'filter-jql',
    mutate: (c) => {
      c.config.filters[0]!.jql = 'Severity in (Critical, Blocker)';
    },
    expected: "the value 'Blocker' does not exist for the field 'Severity'",
  },
  {
    name: 'JQL names a missing cf number',
    rule: 'filter-jql',
    mutate: (c) => {
      c.config.filters[0]!.jql = 'cf[10999] = x';
    },
    expected: "field 'cf[10999]' does not exist",
  },
  {
    name: 'JQL orders by a missing field',
    rule: 'filter-jql',
    mutate: (c) => {
      c.config.filters[0]!.jql = 'project = ACME ORDER BY Rnk';
    },
    expected: "field 'Rnk' does not exist (closest known: rank",
  },
  {
    name: 'board on a missing filter',
    rule: 'board-columns',
    mutate: (c) => {
      c.config.boards[0]!.filter = '1';
    },
    expected: "boards[0].filter: unknown filter '1'",
  },
  {
    name: 'board column names a missing status',
    rule: 'board-columns',
    mutate: (c) => {
      c.config.boards[0]!.columns[1]!.statuses.push('77');
    },
    expected: "boards[0].columns[1].statuses[1]: unknown status '77'",
  },
  {
    name: 'status in two columns',
    rule: 'board-columns',
    mutate: (c) => {
      c.config.boards[0]!.columns[2]!.statuses.push('2');
    },
    expected: "boards[0].columns[2].statuses[1]: status '2' is already in column 'In Progress'",
  },
];

describe('configuration rules on mutated tiny content', () => {
  it('tiny itself has no problems at all', () => {
    expect(lines(validateMutated(() => {}))).toEqual([]);
  });
  it.each(CASES)('$rule: $name', ({ mutate, expected, rule, severity }) => {
    const problems = validateMutated(mutate);
    const hit = problems.find((p) => lines([p])[0]!.includes(expected));
    expect(hit, `expected a problem containing\n  ${expected}\ngot\n  ${lines(problems).join('\n  ')}`).toBeDefined();
    expect(hit!.rule).toBe(rule);
    expect(hit!.severity).toBe(severity ?? 'error');
  });
});
