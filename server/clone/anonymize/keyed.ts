/** Keyed, deterministic choices: the same key and input always give the same output, nothing else does. */
import { createHmac } from 'node:crypto';

export interface Keyed {
  /** 32 bytes derived from the key and a namespaced input. */
  bytes(namespace: string, input: string): Buffer;
  /** An integer in [0, n) derived from the key and the input (attempt varies it on collisions). */
  index(namespace: string, input: string, n: number, attempt?: number): number;
}

export const keyed = (key: string): Keyed => {
  const bytes = (namespace: string, input: string): Buffer => createHmac('sha256', key).update(namespace).update('\u0000').update(input).digest();
  return {
    bytes,
    index: (namespace, input, n, attempt = 0) => {
      if (n <= 0) throw new RangeError(`understudy: cannot pick from an empty list (${namespace})`);
      return bytes(namespace, attempt ? `${input}\u0000${attempt}` : input).readUInt32BE(0) % n;
    },
  };
};
