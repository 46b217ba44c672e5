import { Type, type Static } from '../typebox.ts';
import { Closed, OneOf, SchemaRef } from './common.ts';

export const RecordedRequest = Closed({
  method: OneOf(['GET', 'POST', 'PUT', 'DELETE'] as const),
  path: Type.String({ pattern: '^/' }),
  /** A JSON body: an object, or a bare string where Jira takes one (`POST …/watchers`). */
  body: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.String()])),
  /** A file sent as multipart/form-data (`POST …/attachments`), with X-Atlassian-Token: no-check. */
  attachment: Type.Optional(Closed({ filename: Type.String({ minLength: 1 }), mimeType: Type.String({ minLength: 1 }), content: Type.String() })),
});

/** A recorded integration: the requests an external tool sends, in Jira REST form. */
export const Integration = Closed({
  $schema: SchemaRef,
  name: Type.String({ minLength: 1 }),
  description: Type.String(),
  as: Type.String({ format: 'email', description: 'E-mail of the persona the tool authenticates as' }),
  requests: Type.Array(RecordedRequest, { minItems: 1 }),
});
export type Integration = Static<typeof Integration>;
