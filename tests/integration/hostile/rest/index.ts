/** Every REST route family's table (and the web UI's forms), in the order the suite runs them. */
import type { RestFamily } from '../kit/types.ts';
import { adminConfig } from './admin-config.ts';
import { agile } from './agile.ts';
import { attachments } from './attachments.ts';
import { comments } from './comments.ts';
import { control } from './control.ts';
import { filters } from './filters.ts';
import { issues } from './issues.ts';
import { links } from './links.ts';
import { people } from './people.ts';
import { projectsMeta } from './projects-meta.ts';
import { properties } from './properties.ts';
import { search } from './search.ts';
import { uiForms } from './ui-forms.ts';
import { worklogs } from './worklogs.ts';

export const REST_FAMILIES: readonly RestFamily[] = [
  issues,
  search,
  comments,
  worklogs,
  attachments,
  links,
  filters,
  projectsMeta,
  people,
  properties,
  agile,
  adminConfig,
  control,
  uiForms,
];
