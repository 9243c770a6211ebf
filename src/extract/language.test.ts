import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

const english = 'The foreign ministry said on Tuesday that it remained ready for dialogue, but warned that any talks would depend on the other side ending its military drills near the border.';
const french = "Le ministère des affaires étrangères a déclaré mardi qu'il restait prêt au dialogue, mais a averti que toute discussion dépendrait de la fin des exercices militaires près de la frontière.";

describe('detectLanguage', () => {
  it('recognises non-Latin scripts by their characters', () => {
    expect(detectLanguage('외교부는 화요일 대화 제의를 다시 거부했다고 밝혔다. 대변인은 성명에서 이를 밝혔다.', null)).toBe('ko');
    expect(detectLanguage('外務省は火曜日、対話の用意があると述べた。報道官が発表した。', null)).toBe('ja');
    expect(detectLanguage('Министерство иностранных дел заявило во вторник, что готово к диалогу.', null)).toBe('ru');
  });

  it('detects Latin-script languages and keeps a declared language that fits', () => {
    expect(detectLanguage(english, null)).toBe('en');
    expect(detectLanguage(french, 'en')).toBe('fr');
    expect(detectLanguage(english, 'en-GB')).toBe('en');
  });

  it('falls back to the declared language, then English, for short text', () => {
    expect(detectLanguage('Oui.', 'fr')).toBe('fr');
    expect(detectLanguage('', null)).toBe('en');
  });
});
