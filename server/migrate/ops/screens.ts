/** Putting fields on screens and taking them off. */
import { fieldBehaviour, fieldConfigurationFor, issueTypesOf, type Screen, screenFor } from '../../model/index.ts';

type ScreenTab = Screen['tabs'][number];
import { fail, resolveOne } from '../names.ts';
import { defineOp, q } from './define.ts';
import { insertIndex } from './common.ts';

export interface AddFieldToScreenArgs {
  screen: string;
  field: string;
  /** The tab, by name; the first tab when left out. */
  tab?: string;
  /** Place it before or after this field on the tab; at the end when neither is given. */
  before?: string;
  after?: string;
}
export interface RemoveFieldFromScreenArgs {
  screen: string;
  field: string;
}

export const addFieldToScreen = defineOp<AddFieldToScreenArgs, { tab: ScreenTab; at: number; fieldId: string }>({
  kind: 'addFieldToScreen',
  area: 'fields',
  required: ['screen', 'field'],
  optional: ['tab', 'before', 'after'],
  describe: (a) =>
    `Put the field ${q(a.field)} on the screen ${q(a.screen)}${a.tab ? ` (tab ${q(a.tab)})` : ''}${a.before ? ` before ${q(a.before)}` : a.after ? ` after ${q(a.after)}` : ''}.`,
  prepare: (_s, a, look, site) => {
    const screen = look.screen(a.screen, 'screen');
    const field = look.field(a.field, 'field');
    if (screen.tabs.some((t) => t.fields.includes(field.id))) fail(site, `field ${q(field.name)} is already on screen ${q(screen.name)}`);
    const tab =
      a.tab === undefined
        ? screen.tabs[0]!
        : resolveOne(site, { what: `tab of screen '${screen.name}'`, id: (t: ScreenTab) => t.id, names: (t) => [t.name] }, screen.tabs, a.tab, 'tab');
    const anchor = a.before ?? a.after;
    const anchorId = anchor === undefined ? undefined : look.field(anchor, a.before !== undefined ? 'before' : 'after').id;
    return { tab, at: insertIndex(site, tab.fields, (f) => f === anchorId, a, `tab ${q(tab.name)} of screen ${q(screen.name)}`), fieldId: field.id };
  },
  mutate: (_s, p) => void p.tab.fields.splice(p.at, 0, p.fieldId),
});

export const removeFieldFromScreen = defineOp<RemoveFieldFromScreenArgs, { screen: Screen; fieldId: string }>({
  kind: 'removeFieldFromScreen',
  area: 'fields',
  required: ['screen', 'field'],
  optional: [],
  describe: (a) => `Take the field ${q(a.field)} off the screen ${q(a.screen)}.`,
  prepare: (s, a, look, site) => {
    const screen = look.screen(a.screen, 'screen');
    const field = look.field(a.field, 'field');
    if (!screen.tabs.some((t) => t.fields.includes(field.id))) fail(site, `field ${q(field.name)} is not on screen ${q(screen.name)}`);
    // A required field must stay settable where issues are created (failure mode: "cannot be set").
    const stuck: string[] = [];
    for (const p of s.config.projects) {
      for (const typeId of issueTypesOf(s.config, p)) {
        if (screenFor(s.config, p, typeId, 'create') !== screen) continue;
        if (fieldBehaviour(fieldConfigurationFor(s.config, p, typeId), field.id).required)
          stuck.push(`${p.key} × ${s.config.issueTypes.find((t) => t.id === typeId)?.name ?? typeId}`);
      }
    }
    if (stuck.length)
      fail(
        site,
        `field ${q(field.name)} is required in ${stuck.join(', ')}, where ${q(screen.name)} is the create screen; make it optional first (optionalField)`,
      );
    return { screen, fieldId: field.id };
  },
  mutate: (_s, p) => {
    for (const t of p.screen.tabs) {
      const i = t.fields.indexOf(p.fieldId);
      if (i >= 0) t.fields.splice(i, 1);
    }
  },
});
