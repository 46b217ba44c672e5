/** Issue type schemes and workflow schemes name existing issue types and workflows. */
import { q } from '../suggest.ts';
import { checkRef, checkUnique, idsOf, type ConfigRule } from './rule.ts';

export const schemeReferences: ConfigRule = {
  name: 'scheme-references',
  about:
    'issue type schemes name existing issue types (the default among them); workflow schemes name existing workflows and issue types, each type once',
  run: (ix, report) => {
    const { config } = ix;
    config.issueTypeSchemes.forEach((s, si) => {
      s.issueTypes.forEach((t, ti) =>
        checkRef(report, `issueTypeSchemes[${si}].issueTypes[${ti}]`, 'issue type', t, ix.issueTypes, ix.candidates.issueType),
      );
      checkUnique(
        report,
        s.issueTypes,
        (i) => `issueTypeSchemes[${si}].issueTypes[${i}]`,
        (t) => t,
        'issue type',
      );
      if (s.defaultIssueType !== undefined && !s.issueTypes.includes(s.defaultIssueType)) {
        report(
          `issueTypeSchemes[${si}].defaultIssueType`,
          `default issue type ${q(s.defaultIssueType)} is not in the scheme's issueTypes [${s.issueTypes.join(', ')}]`,
        );
      }
      if (s.issueTypes.every((t) => ix.issueTypes.get(t)?.subtask === true)) {
        report(
          `issueTypeSchemes[${si}].issueTypes`,
          `issue type scheme ${q(s.name)} offers only sub-task types, so no top-level issue can be created`,
        );
      }
    });
    const workflows = idsOf(config.workflows);
    config.workflowSchemes.forEach((s, si) => {
      checkRef(report, `workflowSchemes[${si}].defaultWorkflow`, 'workflow', s.defaultWorkflow, ix.workflows, workflows);
      s.mappings.forEach((m, mi) => {
        checkRef(report, `workflowSchemes[${si}].mappings[${mi}].issueType`, 'issue type', m.issueType, ix.issueTypes, ix.candidates.issueType);
        checkRef(report, `workflowSchemes[${si}].mappings[${mi}].workflow`, 'workflow', m.workflow, ix.workflows, workflows);
      });
      checkUnique(
        report,
        s.mappings,
        (i) => `workflowSchemes[${si}].mappings[${i}].issueType`,
        (m) => m.issueType,
        'issue type mapping',
      );
    });
  },
};
