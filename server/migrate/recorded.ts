/** Applying recorded operations (a ledger's inverses) and checking calls against the registry. */
import { UserError } from '../common/errors.ts';
import { closest } from './names.ts';
import { isPublicKind, opDefinition, PUBLIC_KINDS } from './ops/registry.ts';
import type { AppliedOp, OpContext, RecordedOp, TrackerState } from './types.ts';

/** Applies one recorded operation (public or internal kind) and returns what it recorded. */
export const applyRecorded = (state: TrackerState, rec: RecordedOp, ctx: OpContext): AppliedOp => {
  const def = opDefinition(rec.kind);
  if (!def) throw new UserError(`recorded operation of unknown kind '${rec.kind}': this ledger was written by a newer Understudy`);
  return def.apply(state, rec.args, ctx, rec.bulk);
};

/**
 * Checks one op call's kind and argument names: unknown kind (with the nearest kinds), a missing
 * required argument, an unknown argument. Returns problems as sentences; empty when fine.
 */
export const checkCall = (call: unknown): string[] => {
  if (!call || typeof call !== 'object' || typeof (call as RecordedOp).kind !== 'string') {
    return [`is not an operation (write op.<kind>({ ... })), got ${JSON.stringify(call)}`];
  }
  const { kind, args } = call as RecordedOp;
  if (!isPublicKind(kind))
    return [
      `unknown op kind '${kind}'; did you mean ${closest(kind, PUBLIC_KINDS)
        .map((k) => `'${k}'`)
        .join(' or ')}?`,
    ];
  const def = opDefinition(kind)!;
  if (!args || typeof args !== 'object' || Array.isArray(args)) return [`${kind} takes one object of arguments ({ ${def.required.join(', ')} })`];
  const a = args as Record<string, unknown>;
  const problems: string[] = [];
  for (const r of def.required) if (a[r] === undefined) problems.push(`${kind} is missing the required argument '${r}'`);
  const known = [...def.required, ...def.optional];
  for (const k of Object.keys(a)) {
    if (!known.includes(k))
      problems.push(
        `${kind} has an unknown argument '${k}' (it takes: ${known.join(', ')}${closest(k, known, 1).length ? `; did you mean '${closest(k, known, 1)[0]}'?` : ''})`,
      );
  }
  return problems;
};
