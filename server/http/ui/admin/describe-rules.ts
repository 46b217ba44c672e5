/** Workflow rules in words for the admin pages (the diagram marks them; the table says what they are). */
import type { Condition, ConditionTree, PostFunction, Validator } from '../../../model/index.ts';
import type { Tracker } from '../../../tracker/index.ts';

const isTree = (c: Condition | ConditionTree): c is ConditionTree => 'op' in c;

const one = (tr: Tracker, c: Condition): string => {
  const not = c.negate ? 'not ' : '';
  switch (c.type) {
    case 'permission':
      return `${not}has permission ${c.permission}`;
    case 'inGroup':
      return `${not}in group ${tr.group(c.group)?.name ?? c.group}`;
    case 'inProjectRole':
      return `${not}in role ${tr.config.roles.find((r) => r.id === c.role)?.name ?? c.role}`;
    case 'isAssignee':
      return c.negate ? 'is not the assignee' : 'is the assignee';
    case 'isReporter':
      return c.negate ? 'is not the reporter' : 'is the reporter';
    case 'fieldValue': {
      const field = tr.field(c.field);
      const option = field?.contexts.flatMap((x) => x.options ?? []).find((o) => o.id === c.value);
      const what =
        c.operator === 'empty'
          ? 'is empty'
          : c.operator === 'notEmpty'
            ? 'is not empty'
            : `${c.operator} ${JSON.stringify(option?.value ?? c.value)}`;
      const name = field?.name ?? c.field;
      return `${not}${name} ${what}`;
    }
  }
};

export const describeConditions = (tr: Tracker, tree: ConditionTree | undefined): string => {
  if (!tree?.conditions.length) return '';
  const parts = tree.conditions.map((c) => (isTree(c) ? `(${describeConditions(tr, c)})` : one(tr, c)));
  return parts.join(tree.op === 'all' ? ' and ' : ' or ');
};

export const describeValidator = (tr: Tracker, v: Validator): string => {
  switch (v.type) {
    case 'fieldRequired':
      return `requires ${v.fields.map((f) => tr.field(f)?.name ?? f).join(', ')}`;
    case 'commentRequired':
      return 'requires a comment';
    case 'fieldMatches':
      return `${tr.field(v.field)?.name ?? v.field} must match ${v.pattern}`;
  }
};

export const describePostFunction = (tr: Tracker, p: PostFunction): string => {
  switch (p.type) {
    case 'setResolution':
      return `set resolution ${tr.resolution(p.resolution)?.name ?? p.resolution}`;
    case 'clearResolution':
      return 'clear resolution';
    case 'assign':
      return `assign to ${p.to === 'user' ? (tr.user(p.user ?? '')?.displayName ?? p.user) : p.to}`;
    case 'setField':
      return `set ${tr.field(p.field)?.name ?? p.field}`;
    case 'addComment':
      return 'add a comment';
  }
};
