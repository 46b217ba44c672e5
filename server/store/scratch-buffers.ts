/**
 * Two reusable byte buffers for shard I/O. A fresh 45 MB Buffer per shard counts as V8 "external
 * memory" and triggers a full mark-compact of the whole heap each time, which with a million issues
 * loaded costs seconds per shard; alternating two buffers (one in flight, one being filled) avoids it.
 */
export class ScratchBuffers {
  private readonly bufs: Buffer[] = [Buffer.alloc(0), Buffer.alloc(0)];
  private next = 0;
  private last = 0;

  /** The other buffer than last time, at least `size` bytes. */
  take(size: number): Buffer {
    const i = this.next;
    this.next = 1 - i;
    this.last = i;
    if (this.bufs[i]!.length < size) this.bufs[i] = Buffer.allocUnsafe(Math.max(size, this.bufs[i]!.length * 2));
    return this.bufs[i]!;
  }

  /** Replaces the buffer last taken by one of at least `size` bytes that starts with its first `used` bytes. */
  grow(used: number, size: number): Buffer {
    const old = this.bufs[this.last]!;
    const bigger = Buffer.allocUnsafe(Math.max(size, old.length * 2));
    old.copy(bigger, 0, 0, used);
    this.bufs[this.last] = bigger;
    return bigger;
  }
}
