/** What every language's configuration-writes script must have seen (issue 19 builds these writes). */
import { expect } from 'vitest';

export const expectConfigWrites = (out: Record<string, any>): void => {
  expect(out.filter).toEqual({ name: 'My open bugs (ACME)', favourite: true, favourites: ['My open bugs (ACME)'], 'after delete': [] });
  expect(out.version).toEqual({ released: true, archived: true, 'after delete': ['1.0', '2.0'] });
  expect(out.component).toBe('Payments & Billing');
  expect(out['component after delete']).toEqual(['Backend', 'Frontend']);
  expect(out.group).toEqual(['u-bob']);
  expect(out['groups after']).toEqual([]);
};
