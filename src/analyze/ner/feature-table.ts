// Feature hash → row lookup for the linear models (the entity tagger, the event typer).

/**
 * Open-addressing hash → row table over one typed array of (key, row + 1) pairs, so a probe
 * touches one cache line, behind a bit filter small enough to stay in cache: most context features
 * of a text (word pairs, say) are not in the model, and the filter answers those without the table.
 */
export class FeatureTable {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private readonly filter: Uint32Array;
  private readonly filterMask: number;

  constructor(hashes: Uint32Array) {
    let size = 16;
    while (size < hashes.length * 2) size *= 2;
    this.slots = new Uint32Array(size * 2);
    this.mask = size - 1;
    // About 16 bits per feature: one probe answers "absent" right for ~94% of absent features.
    let bits = 1 << 10;
    while (bits < hashes.length * 16) bits *= 2;
    this.filter = new Uint32Array(bits >>> 5);
    this.filterMask = bits - 1;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]!;
      let slot = h & this.mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = h;
      this.slots[slot * 2 + 1] = r + 1;
      const f = (h >>> 7) & this.filterMask;
      this.filter[f >>> 5]! |= 1 << (f & 31);
    }
  }

  /** The row of a feature hash, or -1. */
  row(h: number): number {
    const f = (h >>> 7) & this.filterMask;
    if (!(this.filter[f >>> 5]! & (1 << (f & 31)))) return -1;
    let slot = h & this.mask;
    for (;;) {
      const r = this.slots[slot * 2 + 1]!;
      if (r === 0) return -1;
      if (this.slots[slot * 2] === h) return r - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}
