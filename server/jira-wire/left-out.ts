/** What a conversion from Jira's answers or request bodies left out, said instead of dropped. */
/** What was left out while converting, by kind (the clone's manifest `notContained`, the sandbox's 400s). */
export class Skipped {
  private readonly items = new Map<string, Set<string>>();
  add(what: string, name: string): void {
    const set = this.items.get(what) ?? new Set<string>();
    set.add(name);
    this.items.set(what, set);
  }
  notes(): string[] {
    return [...this.items].map(
      ([what, names]) => `${what}: ${names.size} left out (${[...names].slice(0, 8).join(', ')}${names.size > 8 ? ', …' : ''})`,
    );
  }
}
