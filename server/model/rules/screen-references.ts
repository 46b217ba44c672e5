/** Screens, screen schemes, issue type screen schemes and field configurations name what exists. */
import { q } from '../suggest.ts';
import { checkRef, checkUnique, idsOf, type ConfigRule } from './rule.ts';

export const screenReferences: ConfigRule = {
  name: 'screen-references',
  about:
    'screen tabs name existing fields (each once per screen); screen schemes name screens; issue type screen schemes and field configuration schemes name their schemes and issue types',
  run: (ix, report) => {
    const { config } = ix;
    config.screens.forEach((s, si) => {
      const onScreen = s.tabs.flatMap((t, ti) => t.fields.map((f, fi) => ({ f, path: `screens[${si}].tabs[${ti}].fields[${fi}]` })));
      for (const { f, path } of onScreen) checkRef(report, path, 'field', f, ix.fields, ix.candidates.field);
      checkUnique(
        report,
        onScreen,
        (i) => onScreen[i]!.path,
        (x) => x.f,
        `field on screen ${q(s.name)}`,
      );
    });
    const screens = idsOf(config.screens);
    config.screenSchemes.forEach((s, si) => {
      for (const op of ['default', 'create', 'edit', 'view'] as const) {
        const id = s.screens[op];
        if (id !== undefined) checkRef(report, `screenSchemes[${si}].screens.${op}`, 'screen', id, ix.screens, screens);
      }
    });
    const screenSchemes = idsOf(config.screenSchemes);
    config.issueTypeScreenSchemes.forEach((s, si) => {
      checkRef(report, `issueTypeScreenSchemes[${si}].default`, 'screen scheme', s.default, ix.screenSchemes, screenSchemes);
      s.mappings.forEach((m, mi) => {
        checkRef(
          report,
          `issueTypeScreenSchemes[${si}].mappings[${mi}].issueType`,
          'issue type',
          m.issueType,
          ix.issueTypes,
          ix.candidates.issueType,
        );
        checkRef(
          report,
          `issueTypeScreenSchemes[${si}].mappings[${mi}].screenScheme`,
          'screen scheme',
          m.screenScheme,
          ix.screenSchemes,
          screenSchemes,
        );
      });
      checkUnique(
        report,
        s.mappings,
        (i) => `issueTypeScreenSchemes[${si}].mappings[${i}].issueType`,
        (m) => m.issueType,
        'issue type mapping',
      );
    });
    config.fieldConfigurations.forEach((fc, ci) => {
      fc.items.forEach((it, ii) => {
        const p = `fieldConfigurations[${ci}].items[${ii}]`;
        checkRef(report, `${p}.field`, 'field', it.field, ix.fields, ix.candidates.field);
        if (it.required && it.hidden)
          report(p, `field ${q(it.field)} is both required and hidden in ${q(fc.name)}: nobody could create an issue (drop one of the flags)`);
        if (it.hidden && it.field === 'summary') report(p, `the summary cannot be hidden (${q(fc.name)})`);
      });
      checkUnique(
        report,
        fc.items,
        (i) => `fieldConfigurations[${ci}].items[${i}].field`,
        (it) => it.field,
        'field item',
      );
    });
    const fcs = idsOf(config.fieldConfigurations);
    config.fieldConfigurationSchemes.forEach((s, si) => {
      checkRef(report, `fieldConfigurationSchemes[${si}].default`, 'field configuration', s.default, ix.fieldConfigurations, fcs);
      s.mappings.forEach((m, mi) => {
        checkRef(
          report,
          `fieldConfigurationSchemes[${si}].mappings[${mi}].issueType`,
          'issue type',
          m.issueType,
          ix.issueTypes,
          ix.candidates.issueType,
        );
        checkRef(
          report,
          `fieldConfigurationSchemes[${si}].mappings[${mi}].fieldConfiguration`,
          'field configuration',
          m.fieldConfiguration,
          ix.fieldConfigurations,
          fcs,
        );
      });
      checkUnique(
        report,
        s.mappings,
        (i) => `fieldConfigurationSchemes[${si}].mappings[${i}].issueType`,
        (m) => m.issueType,
        'issue type mapping',
      );
    });
  },
};
