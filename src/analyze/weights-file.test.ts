import { describe, expect, it } from 'vitest';
import { packWeights, unpackWeights } from './weights-file.js';

describe('models file format', () => {
  it('round-trips the header, hashes, quantised weights and extra floats', () => {
    const hashes = Uint32Array.from([7, 42, 4_000_000_000]);
    const weights = Float32Array.from([1.5, -3, 0, 0.25, 2, -0.75]);
    const extra = Float32Array.from([0.5, -1]);
    const f = unpackWeights<{ name: string }>(packWeights('TEST1', { name: 'x' }, hashes, weights, extra), 'TEST1', 'test', 2, 2);
    expect(f.header).toEqual({ name: 'x' });
    expect([...f.hashes]).toEqual([...hashes]);
    f.weights.forEach((w, i) => expect(w).toBeCloseTo(weights[i]!, 3));
    expect([...f.extra]).toEqual([0.5, -1]);
  });

  it('refuses another kind of file', () => {
    expect(() => unpackWeights(packWeights('TEST1', {}, new Uint32Array(0), new Float32Array(0)), 'OTHER', 'test', 2)).toThrow('not a Readout test model');
  });
});
