/** Fields: system fields present, contexts name existing projects and issue types, options and defaults fit. */
import { OPTION_FIELD_TYPES } from '../schema/vocab.ts';
import { q } from '../suggest.ts';
import { optionsOf } from '../config-index.ts';
import { checkRef, type ConfigRule } from './rule.ts';
import { checkConfigValue } from './field-values.ts';

/** The system fields every snapshot lists (with `custom: false`) so screens and configurations can name them. */
export const SYSTEM_FIELD_IDS = [
  'summary',
  'description',
  'environment',
  'priority',
  'assignee',
  'reporter',
  'labels',
  'components',
  'fixVersions',
  'versions',
  'duedate',
] as const;
const OPTION_TYPES = new Set<string>(OPTION_FIELD_TYPES);

export const fieldContexts: ConfigRule = {
  name: 'field-contexts',
  about: "system fields are listed; a custom field's contexts name existing projects and issue types, option fields have options, defaults fit",
  run: (ix, report) => {
    for (const id of SYSTEM_FIELD_IDS) {
      const f = ix.fields.get(id);
      if (!f) report('fields', `system field ${q(id)} is missing (list it with custom: false so screens and field configurations can name it)`);
      else if (f.custom) report(`fields[${ix.config.fields.indexOf(f)}].custom`, `field ${q(id)} is a system field and must have custom: false`);
    }
    ix.config.fields.forEach((f, fi) => {
      if (f.custom && f.contexts.length === 0)
        report(
          `fields[${fi}].contexts`,
          `custom field ${q(f.name)} has no context, so it applies to no project (add a global context: projects [] and issueTypes [])`,
          'warning',
        );
      f.contexts.forEach((c, ci) => {
        const p = `fields[${fi}].contexts[${ci}]`;
        c.projects.forEach((k, i) => checkRef(report, `${p}.projects[${i}]`, 'project key', k, ix.projects, ix.candidates.project));
        c.issueTypes.forEach((t, i) => checkRef(report, `${p}.issueTypes[${i}]`, 'issue type', t, ix.issueTypes, ix.candidates.issueType));
        const hasOptions = (c.options ?? []).length > 0;
        if (OPTION_TYPES.has(f.type) && !hasOptions)
          report(`${p}.options`, `${f.type} field ${q(f.name)} has no options in this context (nobody can pick a value)`, 'warning');
        if (!OPTION_TYPES.has(f.type) && c.options !== undefined && hasOptions)
          report(`${p}.options`, `${f.type} field ${q(f.name)} does not take options (remove them)`);
        if (f.type !== 'cascading-select')
          (c.options ?? []).forEach((o, oi) => {
            if (o.children?.length)
              report(`${p}.options[${oi}].children`, `option ${q(o.id)} has child options, but only cascading-select fields take them`);
          });
        if (c.default !== undefined) checkConfigValue(ix, f, c.default, `${p}.default`, report, { options: optionsOf(c) });
      });
    });
  },
};
