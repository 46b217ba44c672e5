import { describe, expect, it } from 'vitest';
import { lines, validateMutated, type Content } from './helpers.ts';

interface Case {
  name: string;
  rule: string;
  mutate: (c: Content) => void;
  expected: string;
  severity?: 'error' | 'warning';
}

const issue = (c: Content, key: string) => c.issues.find((i) => i.key === key)!;

const CASES: Case[] = [
  {
    name: 'unknown project',
    rule: 'issue-project',
    mutate: (c) => {
      issue(c, 'ACME-7').project = 'ACM';
    },
    expected: "issues[6] (ACME-7).project: unknown project key 'ACM'",
  },
  {
    name: 'key prefix differs from project',
    rule: 'issue-project',
    mutate: (c) => {
      issue(c, 'ACME-7').key = 'OPS-7';
    },
    expected: "issues[6] (OPS-7).key: key 'OPS-7' does not start with its project key 'ACME'",
  },
  {
    name: 'unknown issue type',
    rule: 'issue-type',
    mutate: (c) => {
      issue(c, 'ACME-7').issueType = 'Task';
    },
    expected: "issues[6] (ACME-7).issueType: unknown issue type 'Task' ('Task' is a name: reference it by its id '10002')",
  },
  {
    name: 'unknown status',
    rule: 'issue-status',
    mutate: (c) => {
      issue(c, 'ACME-7').status = '99';
    },
    expected: "issues[6] (ACME-7).status: unknown status '99'",
  },
  {
    name: 'sub-task status from the other workflow',
    rule: 'issue-status',
    mutate: (c) => {
      issue(c, 'ACME-5').status = '1';
    },
    expected: "issues[4] (ACME-5).status: status '1' (Open) is not in workflow 'Simple Workflow', which ACME × Sub-task uses",
  },
  {
    name: 'unknown priority',
    rule: 'issue-resolution',
    mutate: (c) => {
      issue(c, 'ACME-7').priority = '7';
    },
    expected: "issues[6] (ACME-7).priority: unknown priority '7'",
  },
  {
    name: 'unknown resolution',
    rule: 'issue-resolution',
    mutate: (c) => {
      issue(c, 'ACME-3').resolution = '8';
    },
    expected: "issues[2] (ACME-3).resolution: unknown resolution '8'",
  },
  {
    name: 'done without resolution',
    rule: 'issue-resolution',
    mutate: (c) => {
      issue(c, 'ACME-3').resolution = null;
    },
    expected: "warning: issues.json: issues[2] (ACME-3).resolution: issue is in done-category status 'Done' but has no resolution",
    severity: 'warning',
  },
  {
    name: 'resolution while open',
    rule: 'issue-resolution',
    mutate: (c) => {
      issue(c, 'ACME-7').resolution = '2';
    },
    expected: "warning: issues.json: issues[6] (ACME-7).resolution: issue has resolution 'Won't Fix' but its status 'Open' is not done",
    severity: 'warning',
  },
  {
    name: 'unknown reporter',
    rule: 'issue-users',
    mutate: (c) => {
      issue(c, 'ACME-7').reporter = 'u-zz';
    },
    expected: "issues[6] (ACME-7).reporter: unknown user 'u-zz'",
  },
  {
    name: 'inactive assignee',
    rule: 'issue-users',
    mutate: (c) => {
      issue(c, 'ACME-7').assignee = 'u-frank';
    },
    expected: "warning: issues.json: issues[6] (ACME-7).assignee: assigned to inactive user 'u-frank'",
    severity: 'warning',
  },
  {
    name: 'unknown watcher',
    rule: 'issue-users',
    mutate: (c) => {
      issue(c, 'ACME-1').watchers.push('u-x');
    },
    expected: "issues[0] (ACME-1).watchers[2]: unknown user 'u-x'",
  },
  {
    name: 'unknown comment author',
    rule: 'issue-users',
    mutate: (c) => {
      issue(c, 'ACME-1').comments[0]!.author = 'u-y';
    },
    expected: "issues[0] (ACME-1).comments[0].author: unknown user 'u-y'",
  },
  {
    name: 'component of another project',
    rule: 'issue-components-versions',
    mutate: (c) => {
      issue(c, 'OPS-1').components.push('cmp-1');
    },
    expected: "issues[7] (OPS-1).components[0]: unknown component 'cmp-1' of project 'OPS' (known: none)",
  },
  {
    name: 'unknown fix version',
    rule: 'issue-components-versions',
    mutate: (c) => {
      issue(c, 'ACME-7').fixVersions = ['ver-9'];
    },
    expected: "issues[6] (ACME-7).fixVersions[0]: unknown version 'ver-9' of project 'ACME' (known: ver-1, ver-2)",
  },
  {
    name: 'unknown custom field',
    rule: 'issue-custom-fields',
    mutate: (c) => {
      issue(c, 'ACME-7').customFields.customfield_55555 = 'x';
    },
    expected: "issues[6] (ACME-7).customFields.customfield_55555: unknown custom field 'customfield_55555'",
  },
  {
    name: 'system field among custom fields',
    rule: 'issue-custom-fields',
    mutate: (c) => {
      issue(c, 'ACME-7').customFields.labels = ['x'];
    },
    expected: "customFields.labels: 'labels' is a system field: set it on the issue itself",
  },
  {
    name: 'no context for the project',
    rule: 'issue-custom-fields',
    mutate: (c) => {
      issue(c, 'SEC-2').customFields.customfield_10011 = ['opt-plat-linux'];
    },
    expected: "issues[11] (SEC-2).customFields.customfield_10011: field 'Platforms' has no context for project 'SEC' × issue type 'Task'",
  },
  {
    name: 'multi-select given a single value',
    rule: 'issue-custom-fields',
    mutate: (c) => {
      issue(c, 'ACME-1').customFields.customfield_10011 = 'opt-plat-linux';
    },
    expected: "customFields.customfield_10011: 'opt-plat-linux' is not a list of option ids",
  },
  {
    name: 'multi-select repeats an option',
    rule: 'issue-custom-fields',
    mutate: (c) => {
      issue(c, 'ACME-1').customFields.customfield_10011 = ['opt-plat-mac', 'opt-plat-mac'];
    },
    expected: "customFields.customfield_10011: 'opt-plat-mac' is listed twice",
  },
  {
    name: 'cascading child of another parent',
    rule: 'issue-custom-fields',
    mutate: (c) => {
      issue(c, 'ACME-1').customFields.customfield_10012 = { parent: 'opt-loc-us', child: 'opt-loc-eu-ber' };
    },
    expected: "child option 'opt-loc-eu-ber' is not a child of 'opt-loc-us' in field 'Location' (its children: opt-loc-us-nyc)",
  },
  {
    name: 'user field names a missing user',
    rule: 'issue-custom-fields',
    mutate: (c) => {
      issue(c, 'ACME-3').customFields.customfield_10013 = 'u-nobody';
    },
    expected: "customFields.customfield_10013: unknown user 'u-nobody'",
  },
  {
    name: 'date field with a bad date',
    rule: 'issue-custom-fields',
    mutate: (c) => {
      issue(c, 'ACME-2').customFields.customfield_10015 = '01/02/2025';
    },
    expected: "customFields.customfield_10015: '01/02/2025' is not a date 'YYYY-MM-DD'",
  },
  {
    name: 'labels field with a space',
    rule: 'issue-custom-fields',
    mutate: (c) => {
      issue(c, 'ACME-2').customFields.customfield_10016 = ['two words'];
    },
    expected: "customFields.customfield_10016: 'two words' is not a label",
  },
  {
    name: 'sub-task without a parent',
    rule: 'issue-parent',
    mutate: (c) => {
      delete issue(c, 'ACME-5').parent;
    },
    expected: 'issues[4] (ACME-5).parent: sub-task has no parent',
  },
  {
    name: 'parent in another project',
    rule: 'issue-parent',
    mutate: (c) => {
      issue(c, 'ACME-5').parent = 'OPS-1';
    },
    expected: "issues[4] (ACME-5).parent: parent 'OPS-1' is in project 'OPS', not in 'ACME'",
  },
  {
    name: 'parent is a sub-task',
    rule: 'issue-parent',
    mutate: (c) => {
      issue(c, 'ACME-5').parent = 'ACME-4';
    },
    expected: "parent 'ACME-4' is itself a sub-task",
  },
  {
    name: 'standard issue with a parent',
    rule: 'issue-parent',
    mutate: (c) => {
      issue(c, 'ACME-7').parent = 'ACME-1';
    },
    expected: "issues[6] (ACME-7).parent: issue of type 'Task' has parent 'ACME-1', but only sub-task types have parents",
  },
  {
    name: 'unknown link type',
    rule: 'issue-links',
    mutate: (c) => {
      issue(c, 'ACME-1').links[0]!.type = 'Blocks';
    },
    expected: "issues[0] (ACME-1).links[0].type: unknown issue link type 'Blocks' ('Blocks' is a name: reference it by its id '10000')",
  },
  {
    name: 'link outside the snapshot',
    rule: 'issue-links',
    mutate: (c) => {
      issue(c, 'ACME-1').links[0]!.issue = 'ACME-404';
    },
    expected: "warning: issues.json: issues[0] (ACME-1).links[0].issue: linked issue 'ACME-404' is not in the snapshot",
    severity: 'warning',
  },
  {
    name: 'duplicate issue id',
    rule: 'issue-duplicates',
    mutate: (c) => {
      issue(c, 'ACME-2').id = '10001';
    },
    expected: "issues[1] (ACME-2).id: duplicate issue id '10001' (already used by issues.json: issues[0] (ACME-1))",
  },
];

describe('issue rules on mutated tiny content', () => {
  it.each(CASES)('$rule: $name', ({ mutate, expected, rule, severity }) => {
    const problems = validateMutated(mutate);
    const hit = problems.find((p) => lines([p])[0]!.includes(expected));
    expect(hit, `expected a problem containing\n  ${expected}\ngot\n  ${lines(problems).join('\n  ')}`).toBeDefined();
    expect(hit!.rule).toBe(rule);
    expect(hit!.severity).toBe(severity ?? 'error');
  });
});
