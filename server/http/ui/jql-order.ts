/**
 * Sortable columns rewrite the query's ORDER BY, as Jira's navigator does. The clause is found by
 * scanning outside quoted strings, so `summary ~ "order by"` is left alone.
 */

/** Index where a top-level ORDER BY starts, or -1. */
const orderByStart = (jql: string): number => {
  let quote: string | null = null;
  for (let i = 0; i < jql.length; i++) {
    const c = jql[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if ((i === 0 || /\s|\)/.test(jql[i - 1]!)) && /^order\s+by\b/i.test(jql.slice(i, i + 12))) return i;
  }
  return -1;
};

export const splitOrderBy = (jql: string): { where: string; orderBy: string } => {
  const at = orderByStart(jql);
  return at < 0
    ? { where: jql.trim(), orderBy: '' }
    : {
        where: jql.slice(0, at).trim(),
        orderBy: jql
          .slice(at)
          .replace(/^order\s+by\s*/i, '')
          .trim(),
      };
};

/** The first sort key as written: field (lower case, quotes dropped) and direction. */
export const currentSort = (jql: string): { field: string; direction: 'asc' | 'desc' } | undefined => {
  const { orderBy } = splitOrderBy(jql);
  const m = /^("([^"]+)"|[^\s,]+)\s*(asc|desc)?/i.exec(orderBy);
  if (!m) return undefined;
  return { field: (m[2] ?? m[1]!).toLowerCase(), direction: (m[3]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? 'asc' };
};

/** The query sorted by `field`: ascending, or descending when it is already ascending by it. */
export const sortedBy = (jql: string, field: string): string => {
  const cur = currentSort(jql);
  const direction = cur?.field === field.toLowerCase() && cur.direction === 'asc' ? 'DESC' : 'ASC';
  const { where } = splitOrderBy(jql);
  return `${where ? `${where} ` : ''}ORDER BY ${field} ${direction}`;
};
