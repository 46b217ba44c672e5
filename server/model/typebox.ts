/**
 * TypeBox, loaded through its CommonJS build. The ESM build is about 200 files, and each is a round
 * trip through tsx's module hooks when a command starts (about 0.3 s of CPU per start, for every
 * command and every migration worker). The CommonJS build is read by `require` in the same thread.
 * The types are the package's own; import TypeBox from here (other parts: from the model's index), not from '@sinclair/typebox'.
 */
import { createRequire } from 'node:module';
import type * as TypeBox from '@sinclair/typebox';

export type { ObjectOptions, Static, TObject, TProperties, TSchema } from '@sinclair/typebox';

export const { Type } = createRequire(import.meta.url)('@sinclair/typebox') as typeof TypeBox;
