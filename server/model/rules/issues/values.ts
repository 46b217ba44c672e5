/** Components, versions and custom field values fit the issue's project and the field context that applies. */
import { q } from '../../suggest.ts';
import { valueProblem } from '../field-values.ts';
import type { IssueRule } from './rule.ts';

const VERSION_LISTS = ['fixVersions', 'versions'] as const;
const known = (set: ReadonlySet<string>) => [...set].join(', ') || 'none';

export const issueComponentsVersions: IssueRule = {
  name: 'issue-components-versions',
  about: "an issue's components and versions belong to its project",
  run: (issue, { ix }, report) => {
    const info = ix.project(issue.project);
    if (!info) return;
    const { components, versions } = info;
    for (let i = 0; i < issue.components.length; i++) {
      const c = issue.components[i]!;
      if (!components.has(c)) report(`components[${i}]`, `unknown component ${q(c)} of project ${q(issue.project)} (known: ${known(components)})`);
    }
    for (const list of VERSION_LISTS) {
      for (let i = 0; i < issue[list].length; i++) {
        const v = issue[list][i]!;
        if (!versions.has(v)) report(`${list}[${i}]`, `unknown version ${q(v)} of project ${q(issue.project)} (known: ${known(versions)})`);
      }
    }
  },
};

export const issueCustomFields: IssueRule = {
  name: 'issue-custom-fields',
  about:
    "custom field values name existing custom fields with a context for the issue's project × type, and fit the field's type and that context's options",
  run: (issue, { ix }, report) => {
    const info = ix.project(issue.project);
    for (const id in issue.customFields) {
      const value = issue.customFields[id];
      const path = `customFields.${id}`;
      const field = ix.fields.get(id);
      if (!field) {
        report(
          path,
          `unknown custom field ${q(id)} (${id.startsWith('customfield_') ? 'it is not in config.fields' : 'custom field ids look like customfield_NNNNN'})`,
        );
        continue;
      }
      if (!field.custom) {
        report(path, `${q(id)} is a system field: set it on the issue itself, not in customFields`);
        continue;
      }
      if (value === null) continue;
      const options = info ? info.contextOf(field, issue.issueType) : ix.contextOf(field, issue.project, issue.issueType);
      if (!options) {
        report(
          path,
          `field ${q(field.name)} has no context for project ${q(issue.project)} × issue type ${q(ix.issueTypes.get(issue.issueType)?.name ?? issue.issueType)}, so the issue cannot hold a value for it`,
        );
        continue;
      }
      const p = valueProblem(ix, field, value, { options, components: info?.components, versions: info?.versions });
      if (p) report(path, `${p.message} (field ${q(field.name)} is of type ${field.type})`, p.severity);
    }
  },
};
