import { Type, type Static } from '@sinclair/typebox';
import { Closed, OneOf, SchemaRef } from './common.ts';

export const RecordedRequest = Closed({
  method: OneOf(['GET', 'POST', 'PUT', 'DELETE'] as const),
  path: Type.String({ pattern: '^/' }),
  body: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

/** A recorded integration: the requests an external tool sends, in Jira REST form. */
export const Integration = Closed({
  $schema: SchemaRef,
  name: Type.String({ minLength: 1 }), description: Type.String(),
  as: Type.String({ format: 'email', description: 'E-mail of the persona the tool authenticates as' }),
  requests: Type.Array(RecordedRequest, { minItems: 1 }),
});
export type Integration = Static<typeof Integration>;
