/**
 * Transition rules as admins write them: groups, roles, fields, resolutions and users by name.
 * Resolved to the ids the model stores.
 */
import type { Condition, ConditionTree, PostFunction, TransitionRules, Validator } from '../../model/index.ts';
import type { Lookup } from '../lookup.ts';

/** Rules with names where the model has ids; the shapes are the model's (see server/model/schema/workflows.ts). */
export interface TransitionRulesInput {
  conditions?: ConditionTree | null;
  validators?: Validator[];
  postFunctions?: PostFunction[];
}

const condition = (look: Lookup, c: Condition | ConditionTree): Condition | ConditionTree => {
  if ('op' in c) return { op: c.op, conditions: c.conditions.map((x) => condition(look, x)) };
  switch (c.type) {
    case 'inGroup':
      return { ...c, group: look.group(c.group, 'conditions: inGroup.group').id };
    case 'inProjectRole':
      return { ...c, role: look.role(c.role, 'conditions: inProjectRole.role').id };
    case 'fieldValue':
      return { ...c, field: look.field(c.field, 'conditions: fieldValue.field').id };
    default:
      return { ...c };
  }
};

const validator = (look: Lookup, v: Validator): Validator => {
  switch (v.type) {
    case 'fieldRequired':
      return { ...v, fields: v.fields.map((f) => look.field(f, 'validators: fieldRequired.fields').id) };
    case 'fieldMatches':
      return { ...v, field: look.field(v.field, 'validators: fieldMatches.field').id };
    default:
      return { ...v };
  }
};

const postFunction = (look: Lookup, p: PostFunction): PostFunction => {
  switch (p.type) {
    case 'setResolution':
      return { ...p, resolution: look.resolution(p.resolution, 'postFunctions: setResolution.resolution').id };
    case 'setField':
      return { ...p, field: look.field(p.field, 'postFunctions: setField.field').id };
    case 'assign':
      return p.user === undefined ? { ...p } : { ...p, user: look.user(p.user, 'postFunctions: assign.user').accountId };
    default:
      return { ...p };
  }
};

/** Resolves names in rules; keys left out of `input` keep the values of `base`. */
export const resolveRules = (look: Lookup, input: TransitionRulesInput, base: TransitionRules): TransitionRules => {
  const conditions =
    input.conditions === undefined ? base.conditions : input.conditions === null ? undefined : (condition(look, input.conditions) as ConditionTree);
  return {
    ...(conditions ? { conditions } : {}),
    validators: input.validators ? input.validators.map((v) => validator(look, v)) : structuredClone(base.validators),
    postFunctions: input.postFunctions ? input.postFunctions.map((p) => postFunction(look, p)) : structuredClone(base.postFunctions),
  };
};
