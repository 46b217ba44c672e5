/** Screens with tabs, screen schemes, issue type screen schemes, field configurations, their schemes, issue type schemes. */
import type {
  FieldConfiguration,
  FieldConfigurationScheme,
  IssueTypeScheme,
  IssueTypeScreenScheme,
  Screen,
  ScreenScheme,
} from '../../../model/index.ts';
import type { Obj, RawConfig } from '../raw.ts';
import { extText, str, text } from './common.ts';

export const screensOf = (raw: RawConfig): Screen[] =>
  raw.screens.map((s) => ({
    id: str(s.id),
    name: str(s.name),
    ...text(s.description),
    tabs: (raw.screenTabs[str(s.id)] ?? []).map(({ tab, fields }) => ({
      id: str(tab.id),
      name: str(tab.name),
      fields: fields.map((f) => str(f.id)),
    })),
  }));

export const screenSchemesOf = (raw: RawConfig): ScreenScheme[] =>
  raw.screenSchemes.map((s) => {
    const sc = (s.screens ?? {}) as Obj;
    const pick = (k: string) => (sc[k] !== undefined && sc[k] !== null ? { [k]: str(sc[k]) } : {});
    return {
      id: str(s.id),
      name: str(s.name),
      screens: { default: str(sc.default), ...pick('create'), ...pick('edit'), ...pick('view') },
      ...extText(s.description),
    };
  });

/** Rows `{<scheme>Id, issueTypeId, <target>Id}` (issue type 'default' = the scheme's default). */
const mapped = (rows: Obj[], schemeKey: string, _targetKey: string, schemeId: string) => rows.filter((r) => str(r[schemeKey]) === schemeId);

export const issueTypeScreenSchemesOf = (raw: RawConfig): IssueTypeScreenScheme[] =>
  raw.issueTypeScreenSchemes.map((s) => {
    const rows = mapped(raw.issueTypeScreenSchemeItems, 'issueTypeScreenSchemeId', 'screenSchemeId', str(s.id));
    return {
      id: str(s.id),
      name: str(s.name),
      default: str(rows.find((r) => r.issueTypeId === 'default')?.screenSchemeId ?? ''),
      mappings: rows.filter((r) => r.issueTypeId !== 'default').map((r) => ({ issueType: str(r.issueTypeId), screenScheme: str(r.screenSchemeId) })),
      ...extText(s.description),
    };
  });

export const fieldConfigurationsOf = (raw: RawConfig): FieldConfiguration[] =>
  raw.fieldConfigurations.map((f) => ({
    id: str(f.id),
    name: str(f.name),
    ...text(f.description),
    // Jira lists every field; the model keeps only those whose settings differ from the defaults.
    items: (raw.fieldConfigurationItems[str(f.id)] ?? [])
      .filter((i) => i.isRequired || i.isHidden || (typeof i.description === 'string' && i.description !== ''))
      .map((i) => ({
        field: str(i.id),
        ...(i.isRequired ? { required: true } : {}),
        ...(i.isHidden ? { hidden: true } : {}),
        ...text(i.description),
      })),
  }));

export const fieldConfigurationSchemesOf = (raw: RawConfig): FieldConfigurationScheme[] =>
  raw.fieldConfigurationSchemes.map((s) => {
    const rows = mapped(raw.fieldConfigurationSchemeItems, 'fieldConfigurationSchemeId', 'fieldConfigurationId', str(s.id));
    return {
      id: str(s.id),
      name: str(s.name),
      default: str(rows.find((r) => r.issueTypeId === 'default')?.fieldConfigurationId ?? raw.fieldConfigurations[0]?.id ?? ''),
      mappings: rows
        .filter((r) => r.issueTypeId !== 'default')
        .map((r) => ({ issueType: str(r.issueTypeId), fieldConfiguration: str(r.fieldConfigurationId) })),
      ...extText(s.description),
    };
  });

export const issueTypeSchemesOf = (raw: RawConfig): IssueTypeScheme[] =>
  raw.issueTypeSchemes.map((s) => ({
    id: str(s.id),
    name: str(s.name),
    issueTypes: raw.issueTypeSchemeItems.filter((r) => str(r.issueTypeSchemeId) === str(s.id)).map((r) => str(r.issueTypeId)),
    ...(s.defaultIssueTypeId ? { defaultIssueType: str(s.defaultIssueTypeId) } : {}),
    ...extText(s.description),
  }));
