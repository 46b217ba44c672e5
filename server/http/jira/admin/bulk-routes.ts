/** Bulk issue operations (Cloud): edit fields, transition, and the queue that reports their progress. */
import type { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import type { FieldEdit } from '../../../tracker/index.ts';
import { badRequest } from '../errors.ts';
import { jiraTime, LIMITS, tooManyValues } from '../../../jira-wire/index.ts';
import { richText } from '../input.ts';
import { bodyObj, isObj, list, objAt, optBool, reqStr, serve, written, type Obj } from './wire.ts';

const fieldsOf = (v: unknown, key: string): Obj[] => (Array.isArray(v) ? v : [v]).map((x, i) => objAt(x, `${key}[${i}]`));

/** Jira's editedFieldsInput → edits of model values; a kind the sandbox does not model is a 400 naming it. */
const editsOf = (input: Obj): FieldEdit[] => {
  const out: FieldEdit[] = [];
  for (const [kind, value] of Object.entries(input)) {
    switch (kind) {
      case 'singleLineTextFields':
        for (const f of fieldsOf(value, kind)) out.push({ fieldId: reqStr(f, 'fieldId'), value: () => (f.text === '' ? null : f.text) });
        break;
      case 'urlFields':
        for (const f of fieldsOf(value, kind)) out.push({ fieldId: reqStr(f, 'fieldId'), value: () => (f.url === '' ? null : f.url) });
        break;
      case 'clearableNumberFields':
        for (const f of fieldsOf(value, kind)) out.push({ fieldId: reqStr(f, 'fieldId'), value: () => f.value ?? null });
        break;
      case 'richTextFields':
        for (const f of fieldsOf(value, kind)) {
          // Read now, so an unreadable document is a 400 before the task starts.
          const fieldId = reqStr(f, 'fieldId');
          const text = richText(fieldId, isObj(f.richText) ? f.richText.adfValue : null);
          out.push({ fieldId, value: () => text });
        }
        break;
      case 'priority': {
        const f = objAt(value, kind);
        out.push({ fieldId: 'priority', value: () => String(f.priorityId) });
        break;
      }
      case 'singleSelectFields':
        for (const f of fieldsOf(value, kind)) {
          const o = isObj(f.option) ? f.option : {};
          out.push({ fieldId: reqStr(f, 'fieldId'), value: () => (String(o.optionId) === '-1' ? null : String(o.optionId)) });
        }
        break;
      case 'multipleSelectFields':
        for (const f of fieldsOf(value, kind))
          out.push({
            fieldId: reqStr(f, 'fieldId'),
            value: () => (Array.isArray(f.options) ? f.options.map((o) => String(isObj(o) ? o.optionId : o)) : []),
          });
        break;
      case 'singleSelectClearableUserPickerFields':
        for (const f of fieldsOf(value, kind)) {
          const u = isObj(f.user) ? f.user.accountId : null;
          out.push({ fieldId: reqStr(f, 'fieldId'), value: () => u ?? null });
        }
        break;
      case 'labelsFields':
        for (const f of fieldsOf(value, kind)) {
          const given = list(f, 'labels');
          if (given.length > LIMITS.values) throw badRequest('', { labels: tooManyValues(given.length) });
          const labels = given.map((l, i) => {
            const name = isObj(l) ? l.name : l;
            if (typeof name !== 'string' || name === '') throw badRequest('', { labels: `Label ${i + 1} must be a string or {"name": "…"}.` });
            return name;
          });
          const gone = new Set(labels);
          const how = String(f.bulkEditMultiSelectFieldOption);
          if (!['ADD', 'REMOVE', 'REPLACE', 'REMOVE_ALL'].includes(how))
            throw badRequest('', { bulkEditMultiSelectFieldOption: 'Must be one of ADD, REMOVE, REPLACE, REMOVE_ALL.' });
          out.push({
            fieldId: reqStr(f, 'fieldId'),
            value: (cur) => {
              const now = Array.isArray(cur) ? (cur as string[]) : [];
              return how === 'ADD'
                ? [...new Set([...now, ...labels])]
                : how === 'REMOVE'
                  ? now.filter((l) => !gone.has(l))
                  : how === 'REPLACE'
                    ? labels
                    : [];
            },
          });
        }
        break;
      default:
        throw badRequest(`Bulk edits of ${kind} are not modelled by the Understudy sandbox.`);
    }
  }
  return out;
};

export const bulkRoutes = (r: Router, ctx: SandboxContext): void => {
  serve(r, ctx, 'post', '/bulk/issues/fields', async (j, req, res) => {
    const body = bodyObj(req);
    const edits = editsOf(objAt(body.editedFieldsInput, 'editedFieldsInput'));
    const selected = list(body, 'selectedActions').map(String);
    const unlisted = edits.map((e) => e.fieldId).filter((f) => !selected.includes(f));
    if (unlisted.length) {
      res
        .status(400)
        .json({ errors: [{ message: `The following editedFieldInput values are not listed as selectedActions : ${unlisted.join(', ')}` }] });
      return;
    }
    const task = await written(j, () =>
      j.ctx.tracker.admin.bulk.editFields(
        j.actor,
        list(body, 'selectedIssueIdsOrKeys').map(String),
        edits,
        optBool(body, 'sendBulkNotification') ?? true,
      ),
    );
    res.status(201).json({ taskId: task.id });
  });
  serve(r, ctx, 'post', '/bulk/issues/transition', async (j, req, res) => {
    const body = bodyObj(req);
    const inputs = list(body, 'bulkTransitionInputs').map((x, i) => {
      const o = objAt(x, `bulkTransitionInputs[${i}]`);
      return { refs: list(o, 'selectedIssueIdsOrKeys').map(String), transitionId: reqStr(o, 'transitionId') };
    });
    const task = await written(j, () => j.ctx.tracker.admin.bulk.transition(j.actor, inputs, optBool(body, 'sendBulkNotification') ?? true));
    res.status(201).json({ taskId: task.id });
  });
  serve(r, ctx, 'get', '/bulk/queue/:taskId', (j, req) => {
    const t = j.ctx.tracker.admin.bulk.progress(j.actor, String(req.params.taskId));
    const result = t.result as { processed: number[]; failed: Record<string, string[]>; invalid: number; total: number } | undefined;
    return {
      taskId: t.id,
      status: t.status,
      progressPercent: t.progress,
      created: jiraTime(t.submitted),
      ...(t.started ? { started: jiraTime(t.started) } : {}),
      updated: jiraTime(t.lastUpdate),
      ...(result
        ? {
            processedAccessibleIssues: result.processed,
            failedAccessibleIssues: result.failed,
            invalidOrInaccessibleIssueCount: result.invalid,
            totalIssueCount: result.total,
          }
        : {}),
    };
  });
};
