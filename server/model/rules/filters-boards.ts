/** Saved filters name existing owners and share targets; boards name filters and statuses in columns. */
import { q } from '../suggest.ts';
import { checkRef, idsOf, type ConfigRule } from './rule.ts';

export const filterReferences: ConfigRule = {
  name: 'filter-references',
  about: "a saved filter's owner exists; its shares name existing groups, projects, roles and users",
  run: (ix, report) =>
    ix.config.filters.forEach((f, fi) => {
      const base = `filters[${fi}]`;
      if (checkRef(report, `${base}.owner`, 'user', f.owner, ix.users, ix.candidates.user) && !ix.users.get(f.owner)!.active) {
        report(`${base}.owner`, `filter ${q(f.name)} is owned by inactive user ${q(f.owner)}`, 'warning');
      }
      f.shares.forEach((s, si) => {
        const p = `${base}.shares[${si}]`;
        if (s.type === 'global' || s.type === 'authenticated') {
          if (s.value !== undefined) report(`${p}.value`, `share type ${q(s.type)} takes no value (got ${q(s.value)})`, 'warning');
          return;
        }
        if (s.value === undefined) return report(p, `share type ${q(s.type)} needs a 'value'`);
        if (s.type === 'group') checkRef(report, `${p}.value`, 'group', s.value, ix.groups, ix.candidates.group);
        if (s.type === 'projectRole') checkRef(report, `${p}.value`, 'project role', s.value, ix.roles, ix.candidates.role);
        if (s.type === 'user') checkRef(report, `${p}.value`, 'user', s.value, ix.users, ix.candidates.user);
        // Projects are named by key in the model; a project id is accepted too (Jira's REST form).
        if (s.type === 'project' && !ix.projectsById.has(s.value))
          checkRef(report, `${p}.value`, 'project key', s.value, ix.projects, ix.candidates.project);
      });
    }),
};

export const boardColumns: ConfigRule = {
  name: 'board-columns',
  about: 'a board names an existing filter and project, has columns, and its columns name existing statuses, each in one column only',
  run: (ix, report) =>
    ix.config.boards.forEach((b, bi) => {
      const base = `boards[${bi}]`;
      checkRef(report, `${base}.filter`, 'filter', b.filter, ix.filters, idsOf(ix.config.filters));
      if (b.project !== undefined && !ix.projectsById.has(b.project))
        checkRef(report, `${base}.project`, 'project key', b.project, ix.projects, ix.candidates.project);
      if (b.columns.length === 0)
        report(`${base}.columns`, `board ${q(b.name)} has no columns, so it will not open (add at least one column with statuses)`);
      const placed = new Map<string, string>();
      b.columns.forEach((c, ci) => {
        const p = `${base}.columns[${ci}]`;
        if (c.min !== undefined && c.max !== undefined && c.min > c.max) report(p, `column ${q(c.name)} has min ${c.min} above max ${c.max}`);
        c.statuses.forEach((s, si) => {
          checkRef(report, `${p}.statuses[${si}]`, 'status', s, ix.statuses, ix.candidates.status);
          const other = placed.get(s);
          if (other !== undefined)
            report(`${p}.statuses[${si}]`, `status ${q(s)} is already in column ${q(other)} of board ${q(b.name)} (a status maps to one column)`);
          else placed.set(s, c.name);
        });
      });
      if (b.columns.length > 0 && placed.size === 0)
        report(`${base}.columns`, `no column of board ${q(b.name)} names a status, so it shows no issues`, 'warning');
    }),
};
