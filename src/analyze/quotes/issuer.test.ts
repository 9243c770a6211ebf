import { describe, expect, it } from 'vitest';
import type { Entity, EntityIndex } from '../types.js';
import { issuerOf } from './issuer.js';

const HEADS = ['statement', 'report'];

/** Entities at the given spans of `text` (the first occurrence of each name). */
function index(text: string, names: [string, Entity['type']][]): EntityIndex {
  const entities: Entity[] = names.map(([name, type]) => {
    const start = text.indexOf(name);
    return { id: null, name, type, country: null, roles: [], mentions: [{ start, end: start + name.length, text: name }] };
  });
  return { entities, at: () => null, resolve: () => null, addMention: () => undefined };
}

describe('the issuer of a document', () => {
  it('takes the outermost actor named right before the issuing verb', () => {
    const text = 'The Foreign Ministry of Norland issued a statement late on Thursday. The statement says';
    const e = issuerOf(text, text.lastIndexOf('The statement'), 'The statement', HEADS, index(text, [['Foreign Ministry of Norland', 'organization'], ['Norland', 'country']]));
    expect(e?.name).toBe('Foreign Ministry of Norland');
  });

  it('reads "a report by X" and "X\'s statement", the latest one first', () => {
    const text = 'A report by the Sudrian Army came first. Then Arvid Holm’s statement followed. The statement said';
    const e = issuerOf(text, text.lastIndexOf('The statement'), 'The statement', HEADS, index(text, [['Sudrian Army', 'organization'], ['Arvid Holm', 'person']]));
    expect(e?.name).toBe('Arvid Holm');
    expect(issuerOf(text, text.lastIndexOf('The statement'), 'the report', HEADS, index(text, [['Sudrian Army', 'organization'], ['Arvid Holm', 'person']]))?.name).toBe('Sudrian Army');
  });

  it('finds nobody for a phrase that names no document, or when no actor issued one', () => {
    const text = 'Arvid Holm issued a statement. The spokesman said';
    expect(issuerOf(text, text.indexOf('The spokesman'), 'The spokesman', HEADS, index(text, [['Arvid Holm', 'person']]))).toBeNull();
    const none = 'A statement appeared online. The statement said';
    expect(issuerOf(none, none.lastIndexOf('The statement'), 'The statement', HEADS, index(none, []))).toBeNull();
  });
});
