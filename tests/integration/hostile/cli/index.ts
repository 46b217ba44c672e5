/** Every command's table, in the order the suite runs them. */
import type { CliFamily } from '../kit/types.ts';
import { announce } from './announce.ts';
import { fixtures } from './fixtures.ts';
import { migrate } from './migrate.ts';
import { production } from './production.ts';
import { rehearse } from './rehearse.ts';
import { sandbox } from './sandbox.ts';
import { validate } from './validate.ts';

export const CLI_FAMILIES: readonly CliFamily[] = [migrate, validate, sandbox, fixtures, production, announce, rehearse];
