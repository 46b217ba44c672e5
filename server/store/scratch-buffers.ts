/**
 * Two reusable byte buffers for shard I/O. A fresh 45 MB Buffer per shard counts as V8 "external
 * memory" and triggers a full mark-compact of the whole heap each time, which with a million issues
 * loaded costs seconds per shard; alternating two buffers (one in flight, one being filled) avoids it.
 */
export class ScratchBuffers {
  private readonly bufs: Buffer[] = [Buffer.alloc(0), Buffer.alloc(0)];
  private next = 0;

  /** The other buffer than last time, at least `size` bytes. */
  take(size: number): Buffer {
    const i = this.next;
    this.next = 1 - i;
    if (this.bufs[i]!.length < size) this.bufs[i] = Buffer.allocUnsafe(Math.max(size, this.bufs[i]!.length * 2));
    return this.bufs[i]!;
  }

  /** Encodes text as UTF-8 into the next buffer; returns the bytes (a view, valid until the buffer after next is taken). */
  encode(text: string): Buffer {
    const buf = this.take(text.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 unit
    return buf.subarray(0, buf.write(text, 0, 'utf8'));
  }
}
