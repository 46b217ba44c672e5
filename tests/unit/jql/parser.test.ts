import { describe, expect, it } from 'vitest';
import { parseJql, JqlError, type Clause } from '../../../server/model/jql/index.ts';

/** A compact rendering of a clause tree, so expectations read like the query. */
const show = (c: Clause | undefined): string => {
  if (!c) return '';
  switch (c.kind) {
    case 'and':
      return `(${c.clauses.map(show).join(' AND ')})`;
    case 'or':
      return `(${c.clauses.map(show).join(' OR ')})`;
    case 'not':
      return `NOT ${show(c.clause)}`;
    case 'terminal': {
      const f = c.field.kind === 'cf' ? `cf[${c.field.id}]` : c.field.name;
      const o = (op: typeof c.operand): string =>
        op.kind === 'value'
          ? op.value
          : op.kind === 'empty'
            ? 'EMPTY'
            : op.kind === 'function'
              ? `${op.name}(${op.args.join(',')})`
              : `[${op.items.map(o).join(',')}]`;
      return `${f} ${c.operator} ${o(c.operand)}`;
    }
  }
};

describe('parseJql: valid queries', () => {
  const cases: Array<[string, string, string?]> = [
    ['', ''],
    ['project = ACME', 'project = ACME'],
    ['project = ACME AND status = Open OR priority = High', '((project = ACME AND status = Open) OR priority = High)'],
    ['project = ACME AND (status = Open OR priority = High)', '(project = ACME AND (status = Open OR priority = High))'],
    ['NOT status = Done', 'NOT status = Done'],
    ['status in (Open, "In Progress", EMPTY)', 'status in [Open,In Progress,EMPTY]'],
    ['status not in (Open)', 'status not in [Open]'],
    ['assignee is EMPTY and reporter IS NOT null', '(assignee is EMPTY AND reporter is not EMPTY)'],
    ['summary ~ "login fails" and description !~ sso', '(summary ~ login fails AND description !~ sso)'],
    ['created >= -7d and updated < startOfDay(-1d)', '(created >= -7d AND updated < startOfDay(-1d))'],
    ['cf[10010] = Critical', 'cf[10010] = Critical'],
    ['"Story Points" > 3', 'Story Points > 3'],
    ['assignee = currentUser() or assignee in membersOf("developers")', '(assignee = currentUser() OR assignee in membersOf(developers))'],
    ['status was "In Progress"', 'status was In Progress'],
    ['status was not in (Open, Done)', 'status was not in [Open,Done]'],
    ['a = b && c = d || !e = f', '((a = b AND c = d) OR NOT e = f)'],
    ['summary ~ "say \\"hi\\""', 'summary ~ say "hi"'],
    ['key = ACME-1 ORDER BY created DESC, key', 'key = ACME-1', 'created:desc,key:'],
    ['ORDER BY priority ASC', '', 'priority:asc'],
  ];
  it.each(cases)('%s', (jql, expected, order) => {
    const q = parseJql(jql);
    expect(show(q.where)).toBe(expected);
    if (order !== undefined)
      expect(q.orderBy.map((k) => `${k.field.kind === 'name' ? k.field.name : k.field.id}:${k.direction ?? ''}`).join(',')).toBe(order);
  });
});

describe('parseJql: syntax errors are worded like Jira', () => {
  const cases: Array<[string, string]> = [
    ['status = ', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query.'],
    [
      'status foo',
      "Error in the JQL Query: Expecting operator but got 'foo'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 8)",
    ],
    [
      'status = AND',
      "Error in the JQL Query: Expecting either a value, list or function but got 'AND'. You must surround 'AND' in quotation marks to use it as a value. (line 1, character 10)",
    ],
    ['(status = Open', "Error in the JQL Query: Expecting ')' before the end of the query."],
    ['status = Open)', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got ')'. (line 1, character 14)"],
    ['summary ~ "abc', "Error in the JQL Query: The quoted string 'abc' has not been completed. (line 1, character 11)"],
    ['status = Open Done', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'Done'. (line 1, character 15)"],
    [
      'AND status = Open',
      "Error in the JQL Query: Expecting a field name but got 'AND'. You must surround 'AND' in quotation marks to use it as a field name. (line 1, character 1)",
    ],
    ['status = Open AND', 'Error in the JQL Query: Expecting a field name before the end of the query.'],
    ['status is Open', "Error in the JQL Query: The operator 'IS' only supports the 'EMPTY' and 'NULL' operands. (line 1, character 11)"],
    ['status in Open', "Error in the JQL Query: The operator 'IN' requires a list of values or a function. (line 1, character 11)"],
    ['status in (Open Done)', "Error in the JQL Query: Expecting either ',' or ')' but got 'Done'. (line 1, character 17)"],
    ['status = Open ORDER created', "Error in the JQL Query: Expecting 'by' but got 'created'. (line 1, character 21)"],
    ['status = Open ORDER BY', 'Error in the JQL Query: Expecting a field name before the end of the query.'],
    [
      'status = a[b',
      "Error in the JQL Query: The character '[' is a reserved JQL character. You must enclose it in a string or use the escape '\\u005b' instead. (line 1, character 11)",
    ],
    ['status not Open', "Error in the JQL Query: Expecting 'IN' but got 'Open'. (line 1, character 12)"],
    ['status =\n  "x" foo', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'foo'. (line 2, character 7)"],
  ];
  it.each(cases)('%j', (jql, message) => {
    let error: unknown;
    try {
      parseJql(jql);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JqlError);
    expect((error as JqlError).kind).toBe('syntax');
    expect((error as JqlError).message).toBe(message);
  });
});
