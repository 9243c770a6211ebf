// A growable array of 32-bit feature hashes (feature extraction runs over every token of every article).
export class HashBuffer {
  data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }

  push(h: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = h;
  }

  /** The hashes pushed so far (a view, not a copy). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}
