import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../core/data-path.js';
import { buildRegistry } from '../../registry/build-index.js';
import { countryActors } from '../../registry/countries.js';
import { parseCountriesFile } from '../../registry/schema.js';
import type { Actor } from '../../registry/types.js';
import { analyzeArticle } from '../analyze.js';
import type { AnalysisEvent } from '../types.js';

const path = dataPath('registry', 'countries.yaml');
const extra: Actor[] = [
  { id: 'org:fra-mfa-test', type: 'organization', name: 'Quai Test Office', aliases: [], country: 'FRA', kind: 'foreign-ministry' },
  { id: 'org:fra-def-test', type: 'organization', name: 'Test Defence Office', aliases: [], country: 'FRA', kind: 'defence-ministry' },
  {
    id: 'person:odile-varnet', type: 'person', name: 'Odile Varnet', aliases: [], country: 'FRA', gender: 'f',
    roles: [
      { title: 'defence minister', org: 'org:fra-def-test', start: '2019-01-01', end: '2022-05-01' },
      { title: 'foreign minister', org: 'org:fra-mfa-test', start: '2022-05-02', end: null },
    ],
  },
];
const registry = buildRegistry(new Map([...countryActors(parseCountriesFile(path, readFileSync(path, 'utf8'))), ...extra].map((a) => [a.id, a])), 'test');

const events = (text: string, published: string | null = null): AnalysisEvent[] => analyzeArticle({ text, published }, registry).events;
const first = (text: string, published: string | null = null): AnalysisEvent => {
  const e = events(text, published).find((x) => x.type !== 'STATEMENT') ?? events(text, published)[0];
  if (!e) throw new Error(`no event in: ${text}`);
  return e;
};

describe('event types', () => {
  const cases: [string, string, string | null][] = [
    ['Brazil agreed to resume fuel shipments to Peru.', 'AGREE', null],
    ['Kenya hosted talks with Uganda on the border dispute.', 'CONSULT', null],
    ['Norway praised Chile for its handling of the election.', 'SUPPORT', null],
    ['Spain and Portugal signed a trade agreement on Monday.', 'AGREE', null],
    ['Canada shared intelligence with Australia about the smuggling network.', 'COOPERATE', 'intelligence'],
    ['Sweden delivered humanitarian aid to Yemen.', 'AID', 'delivered'],
    ['Egypt eased restrictions on travel from Libya.', 'CONCEDE', null],
    ['Armenia withdrew its troops from the disputed area.', 'RETREAT', 'disarm'],
    ['Ghana urged Togo to reopen the border.', 'REQUEST', 'appeal'],
    ['Poland accused Belarus of staging the crossings.', 'ACCUSE', 'allege'],
    ['Greece condemned Turkey over the incursion.', 'ACCUSE', 'disapprove'],
    ['Serbia rejected the proposal from Croatia.', 'REJECT', null],
    ['Iran threatened Israel with retaliation.', 'THREATEN', null],
    ['Thousands of workers protested in Argentina against the reform.', 'PROTEST', 'demo'],
    ['India deployed troops along the border with Pakistan.', 'MOBILIZE', 'troops'],
    ['Morocco recalled its ambassador from Algeria.', 'SANCTION', 'withdraw'],
    ['Japan imposed sanctions on North Korea.', 'COERCE', 'restrict'],
    ['Police in Peru arrested two Bolivian activists.', 'COERCE', 'arrest'],
    ['Russia fired missiles at Ukraine on Tuesday.', 'ASSAULT', 'military'],
  ];
  it.each(cases)('%s → %s', (text, type, mode) => {
    const e = first(text);
    expect(e.type).toBe(type);
    if (mode) expect(e.mode).toBe(mode);
    expect(Math.abs(e.intensity)).toBeLessThanOrEqual(10);
  });

  it('sign follows cooperation vs conflict', () => {
    expect(first('Sweden delivered humanitarian aid to Yemen.').intensity).toBeGreaterThan(0);
    expect(first('Russia fired missiles at Ukraine.').intensity).toBeLessThan(0);
  });
});

describe('modes', () => {
  it('tells a visit from a meeting and a call', () => {
    expect(first('Odile Varnet visited Mexico.').mode).toBe('visit');
    expect(first('Odile Varnet met the Mexican ambassador.').mode).toBe('meeting');
    expect(first('Odile Varnet held a phone call with Mexico.').mode).toBe('call');
  });
  it('tells aid offered from aid delivered', () => {
    expect(first('Denmark offered emergency aid to Haiti.').mode).toBe('offered');
    expect(first('Denmark delivered emergency aid to Haiti.').mode).toBe('delivered');
  });
});

describe('actors', () => {
  it('reads subject and object, and passive voice', () => {
    const e = first('Japan imposed sanctions on Russia.');
    expect([e.source.country, e.target?.country]).toEqual(['JPN', 'RUS']);
    const p = first('Russia was sanctioned by Japan.');
    expect([p.source.country, p.target?.country]).toEqual(['JPN', 'RUS']);
  });
  it('uses capitals and demonyms as countries', () => {
    expect(first('Pyongyang condemned Seoul for the drills.').source.country).toBe('PRK');
    expect(first('Chinese officials visited Nepal.').source).toMatchObject({ country: 'CHN', entityId: 'country:CHN' });
  });
  it('rolls a person up to the institution of their post on the event date', () => {
    const early = first('On March 3, 2021, Odile Varnet visited Chile.', '2021-03-05');
    expect(early.source).toMatchObject({ name: 'Odile Varnet', country: 'FRA', institution: 'org:fra-def-test' });
    const late = first('On March 3, 2023, Odile Varnet visited Chile.', '2023-03-05');
    expect(late.source.institution).toBe('org:fra-mfa-test');
  });
  it('reads "X captured by Y" as a passive: Y acts', () => {
    const e = first('A Chilean pilot captured by Peruvian forces on Monday was returned on Friday.');
    expect([e.type, e.source.country, e.target?.country]).toEqual(['COERCE', 'PER', 'CHL']);
  });
  it('never makes the victim in a reduced relative, or the main clause\'s subject, the actor ("a pilot shot down over …")', () => {
    const downed = events('Peru said a Chilean pilot shot down over the border would be sent home.').find((e) => e.type === 'ASSAULT' || e.type === 'COERCE');
    expect(downed?.source.country ?? null).not.toBe('PER');
    expect(downed?.source.country ?? null).not.toBe('CHL');
    const active = first('Peru shot down a Chilean drone near the border.');
    expect([active.type, active.source.country, active.target?.country]).toEqual(['ASSAULT', 'PER', 'CHL']);
  });
  it('reads someone "in custody" as held, not holding, and whoever holds them as the actor', () => {
    const held = first('Odile Varnet is in Chile\'s custody since Monday.');
    expect([held.type, held.source.country, held.target?.name]).toEqual(['COERCE', 'CHL', 'Odile Varnet']);
    expect(first('A Peruvian pilot remains in custody, Chile said.').target?.country).toBe('PER');
    const holding = first('Chilean police held three Peruvian fishermen in custody.');
    expect([holding.source.country, holding.target?.country]).toEqual(['CHL', 'PER']);
  });
  it('makes a noun\'s possessor its actor, not the speaker who names it', () => {
    const e = events('"Chile’s blockade of the port is an act of war," Peru said on Monday.').find((x) => x.trigger?.text === 'blockade');
    expect(e?.source.country).toBe('CHL');
    expect(e?.target?.country ?? null).not.toBe('CHL');
  });
  it('never makes a news outlet the actor of the act it reports, only of its own words', () => {
    const rally = events('The Andean News Agency reported that thousands of students rallied against Chile in Lima.').find((e) => e.type === 'PROTEST');
    expect(rally?.target?.country).toBe('CHL');
    expect(rally?.source.name).not.toBe('Andean News Agency');
    expect(first('Chile said Peru fired on several of its ships, the Andean News Agency reported.').target?.name ?? null).not.toBe('Andean News Agency');
  });
  it('gives a noun after "following" or "after" (an earlier happening) no source from the sentence\'s subject', () => {
    const clash = events('Chile called an emergency meeting following the clash near Peru.').find((e) => e.type === 'ASSAULT');
    expect(clash?.source.name ?? null).toBeNull();
  });
  it('makes the quote speaker the source of the quoted words', () => {
    const e = first('"We will attack any vessel that crosses the line," Odile Varnet said of Chile.');
    expect(e.type).toBe('THREATEN');
    expect(e.source.name).toBe('Odile Varnet');
    expect(e.quote).toContain('attack any vessel');
  });
  it('takes no document for an actor: a report nobody is said to have issued leaves the source unknown', () => {
    expect(first('The report said "we will strike Peru if provoked."').source.name).toBeNull();
    expect(first('The spokesman said "we will strike Peru if provoked."').source.name).toBe('The spokesman');
  });
  it('makes whoever says another must act the one who asks, and the other the one asked', () => {
    const pair = (text: string) => { const e = first(text, '2022-05-11'); return [e.type, e.source.name, e.target?.country]; };
    expect(pair('Peru must withdraw its troops from the border, Odile Varnet said on Monday.')).toEqual(['REQUEST', 'Odile Varnet', 'PER']);
    expect(pair('"Peru must withdraw its troops," Chile said in a statement.')).toEqual(['REQUEST', 'Chile', 'PER']);
    expect(pair('Chile said Peru must withdraw its troops from the border.')).toEqual(['REQUEST', 'Chile', 'PER']);
    expect(pair('Peru must withdraw its troops from the border.')).toEqual(['REQUEST', null, 'PER']);
  });
});

describe('groups as actors', () => {
  it('files an act under the group that is its subject, in the country the sentence gives', () => {
    const police = first('Police fired tear gas at students in Lima on Monday.');
    expect(police.source).toMatchObject({ name: 'Police', country: 'PER' });
    const protest = events('Hundreds of protesters blocked the main road outside the parliament in Chile.').find((e) => e.type === 'PROTEST')!;
    expect(protest.source).toMatchObject({ name: 'Hundreds of protesters', country: 'CHL' });
    expect(first('Militants attacked a convoy in northern Mali.').source).toMatchObject({ name: 'Militants', country: 'MLI' });
  });
  it('leaves a group that is not the subject alone', () => {
    const e = first('Chile accused the police of Peru of torture.');
    expect(e.source.country).toBe('CHL');
  });
});

describe('qualifiers', () => {
  it('codes negated cooperation as a refusal, a pledge not to fight as an intent, and an attack that did not happen as nothing', () => {
    const refused = first('Odile Varnet did not attend the meeting with Chile.');
    expect([refused.type, refused.mode, refused.negated]).toEqual(['REJECT', 'meet', false]);
    expect(refused.intensity).toBeLessThan(0);
    const pledge = first('Peru will not impose sanctions on Chile.');
    expect([pledge.type, pledge.modality]).toEqual(['AGREE', 'asserted']);
    expect(pledge.intensity).toBeGreaterThan(0);
    expect(events('Peru did not attack Chile.').filter((e) => e.type === 'ASSAULT')).toEqual([]);
    const conditional = first('Peru would not reject talks with Chile if the blockade ended.');
    expect([conditional.type, conditional.modality]).toEqual(['AGREE', 'hypothetical']);
    // The sign always agrees with the type: no cooperative type with a negative intensity or the reverse.
    for (const e of [...events('Odile Varnet did not attend the meeting with Chile.'), ...events('Peru will not impose sanctions on Chile.')]) {
      if (e.type === 'REJECT') expect(e.intensity).toBeLessThan(0);
      if (e.type === 'AGREE') expect(e.intensity).toBeGreaterThan(0);
    }
  });
  it('marks hypothetical and planned events', () => {
    expect(first('If sanctions are lifted, Chile would send aid to Peru.').modality).toBe('hypothetical');
    const planned = first('Odile Varnet will visit Chile next week.');
    expect([planned.type, planned.modality]).toEqual(['CONSULT', 'planned']);
  });
  it('codes a planned material act as its announcement', () => {
    expect(first('Denmark will release the detained Haitian sailors.').type).toBe('AGREE');
    const threat = first('Farmers said they would blockade the capital of Chile.');
    // The threat is made now, whatever the blockade will be.
    expect([threat.type, threat.modality]).toEqual(['THREATEN', 'asserted']);
  });
  it('reads no event in a trigger word used as an adjective', () => {
    expect(events('It is a demanding phrase for Chile.').filter((e) => e.type === 'REQUEST')).toEqual([]);
  });
  it('reads a question put to a speaker as no request', () => {
    const requests = (text: string) => events(text).filter((e) => e.type === 'REQUEST');
    expect(requests('When asked to comment on the reports about Peru, Odile Varnet replied that she would wait.')).toEqual([]);
    expect(requests('Odile Varnet asked reporters whether Peru would attend.')).toEqual([]);
    expect(requests('Chile asked Peru to withdraw its troops.')).toHaveLength(1);
  });
  it('reads no act in idioms: "in order to", "a sign of", "wanted to"', () => {
    const types = (text: string) => events(text).map((e) => e.type);
    expect(types('Chile moved troops to the border in order to deter Peru.')).not.toContain('REQUEST');
    expect(types('The flights over Peru were a sign of Chile\'s resolve.')).not.toContain('AGREE');
    expect(types('Chile wanted to respond to Peru at once.')).not.toContain('REQUEST');
    expect(types('Chile signed a trade deal with Peru.')).toContain('AGREE');
    expect(types('Chile wants Peru to withdraw its troops.')).toContain('REQUEST');
  });
  it('reads no act in a word of a name ("United States", "Warsaw Pact")', () => {
    expect(events('The United States is a large country, Peru noted.').map((e) => e.trigger?.text)).not.toContain('States');
  });
  it('reads no act in a photo caption', () => {
    expect(events('This undated photo released by the Chilean news agency shows troops on the border with Peru.')).toEqual([]);
    expect(events('In this file photo, Chilean troops attack a post on the border with Peru.')).toEqual([]);
    expect(events('Chile\'s foreign minister attends a meeting with his Peruvian counterpart in Lima, Peru, May 4, 2022.')).toEqual([]);
    expect(events('Chile\'s foreign minister met his Peruvian counterpart in Lima on May 4, 2022.')).not.toEqual([]);
  });
  it('reads speaking to the press as a statement, not a meeting', () => {
    expect(events('Odile Varnet told a press conference in Lima that Chile would not yield.').some((e) => e.type === 'CONSULT')).toBe(false);
    expect(events('Odile Varnet held a news conference with Peru\'s foreign minister.').some((e) => e.type === 'CONSULT')).toBe(false);
  });
  it('reads "be met with" as a reaction, not a meeting', () => {
    expect(events('Odile Varnet said any attack on Chile will be met with force.').some((e) => e.type === 'CONSULT')).toBe(false);
    expect(events('The proposal was met with criticism in Peru.').some((e) => e.type === 'CONSULT')).toBe(false);
  });
  it('takes no place named after "in" or "at" as the target', () => {
    const e = first('Speaking at his farm in Lyon, Odile Varnet warned Chile against new tests.');
    expect(e.target?.country).toBe('CHL');
    expect(events('Odile Varnet warned in Lyon.').every((x) => x.target?.name !== 'Lyon')).toBe(true);
  });
  it('records sourcing', () => {
    expect(first('Chile met Peru in secret, a source said on condition of anonymity.').sourcing).toBe('anonymous-source');
    expect(first('There is speculation that Chile met Peru in secret.').sourcing).toBe('speculation');
  });
  it('links a response to the earlier event of the reversed dyad', () => {
    const evs = events('Chile offered aid to Peru on Monday. On Tuesday, Peru dismissed the offer from Chile.');
    const reply = evs.find((e) => e.source.country === 'PER')!;
    expect(reply.responseCue).toBe('dismissed');
    expect(reply.respondsTo).toBe(evs.find((e) => e.source.country === 'CHL')!.id);
  });
});

describe('dates and evidence', () => {
  it('takes the date from the sentence, else the publication day marked as such', () => {
    const met = first('Chile met Peru on May 4, 2022.', '2022-05-10');
    expect([met.date, met.datePrecision]).toEqual(['2022-05-04', 'text']);
    const undated = first('Chile met Peru.', '2022-05-10');
    expect([undated.date, undated.datePrecision]).toEqual(['2022-05-10', 'published']);
    expect(first('Chile met Peru.').date).toBeNull();
  });
  it('dates a weekday in a past-tense report to the past, never after publication', () => {
    // 2022-05-11 is a Wednesday: the strike was on Friday 6 May, whatever "would" says nearby.
    const strike = events('Chile carried out a drone strike on Friday, which Peru expects the council to condemn.', '2022-05-11').find((e) => e.type === 'ASSAULT');
    expect(strike?.date).toBe('2022-05-06');
  });
  it('reads "the previous day" and "on the 23rd" against the narrative', () => {
    const text = 'Peru recalled its ambassador on May 12, 2022. The previous day, Chile had expelled two Peruvian diplomats.';
    expect(events(text, '2022-05-13').find((e) => e.trigger?.text === 'expelled')?.date).toBe('2022-05-11');
    expect(first('Chile closed the border on the 23rd, officials said.', '2022-05-25').date).toBe('2022-05-23');
  });
  it('dates the act, not the day state media reported it', () => {
    const text = 'Chile shelled a Peruvian border post on Sunday, state media reported Tuesday.';
    expect(events(text, '2022-05-11').find((e) => e.type === 'ASSAULT')?.date).toBe('2022-05-08');
    // A day before the act dates the speaker's words: "said on Friday that …".
    expect(first('Peru said on Friday that it would not refuse talks with Chile.', '2022-05-11').date).toBe('2022-05-06');
  });
  it('counts "yesterday" in quoted words from the day they were spoken', () => {
    // Published Wednesday 11 May; the minister spoke on Monday 9 May, so his "yesterday" is Sunday 8 May.
    const text = 'Chile\'s defence minister said on Monday: "Yesterday Peru shelled our border post, and we will answer."';
    expect(events(text, '2022-05-11').find((e) => e.type === 'ASSAULT')?.date).toBe('2022-05-08');
    // Without a day for the statement, publication stays the reference.
    expect(events('"Yesterday Peru shelled our border post," the minister said.', '2022-05-11').find((e) => e.type === 'ASSAULT')?.date).toBe('2022-05-10');
  });
  it('does not date an act by a year that names a thing ("the 1979 revolution")', () => {
    const e = first('Chile threatened Peru over the 1979 border treaty.', '2022-05-11');
    expect([e.date, e.datePrecision]).toEqual(['2022-05-11', 'published']);
  });
  it('dates an act in an "after" clause as the earlier happening it is, and gives it its own actor and no response cue', () => {
    const text = 'Peru rejected the offer on May 4, 2022, a day after Chile warned it of serious consequences.';
    const warned = events(text, '2022-05-05').find((e) => e.type === 'THREATEN');
    expect([warned?.date, warned?.source.country, warned?.responseCue ?? null]).toEqual(['2022-05-03', 'CHL', null]);
    const struck = events('Peru struck the camp on May 4, 2022, after Chile attacked the border post.', '2022-05-05').find((e) => e.trigger?.text === 'attacked');
    expect([struck?.date, struck?.source.country]).toEqual(['2022-05', 'CHL']);
    // Counted back from publication when the sentence gives no day.
    expect(events('Peru struck the camp, a day after Chile attacked the border post.', '2022-05-05').find((e) => e.trigger?.text === 'attacked')?.date).toBe('2022-05-04');
    expect(events('Peru struck the camp after Chile attacked on May 2, 2022.', '2022-05-05').find((e) => e.trigger?.text === 'attacked')?.date).toBe('2022-05-02');
  });
  it('keeps the sentence and trigger offsets', () => {
    const text = 'Intro line here.\nChile condemned Peru.';
    const e = first(text);
    expect(text.slice(e.sentence!.start, e.sentence!.end)).toBe('Chile condemned Peru.');
    expect(text.slice(e.trigger!.start, e.trigger!.end)).toBe('condemned');
  });
  it('is deterministic', () => {
    const text = 'Chile condemned Peru on Monday. Peru recalled its ambassador from Chile in response.';
    expect(JSON.stringify(events(text, '2022-05-10'))).toBe(JSON.stringify(events(text, '2022-05-10')));
  });
});

describe('wire datelines', () => {
  it('gives neither the filing place nor the outlet a part in the act', () => {
    const e = first('LIMA (Andean Wire) -- Peru is working on a plan to fire missiles into the sea off Chile.', '2022-05-11');
    expect(e.source.name).toBe('Peru');
    expect(first('(Andean Wire) -- Troops shelled border posts in Chile overnight.', '2022-05-11').source.name).toBeNull();
  });
});

describe('what an answer answers', () => {
  it('links a retaliation to the act its cue names, not to the nearest earlier act', () => {
    const text = 'Peru shelled a Chilean border post on May 3, 2022.\n\nOn May 4, 2022, Chile warned Peru of consequences.\n\n'
      + 'Chile fired rockets at Peruvian positions on May 5, 2022, in retaliation for the shelling, the army said.';
    const evs = events(text, '2022-05-06');
    const rockets = evs.find((e) => e.trigger?.text.startsWith('fired'))!;
    const shelled = evs.find((e) => e.trigger?.text === 'shelled')!;
    expect(rockets.respondsTo).toBe(shelled.id);
  });
  it('links an act to the one an after-clause names when the dyad is reversed', () => {
    const evs = events('On May 5, 2022, Peru recalled its ambassador from Santiago, a day after Chile accused it of aggression.', '2022-05-06');
    const recall = evs.find((e) => e.type === 'SANCTION' || e.trigger?.text.startsWith('recalled'))!;
    const accused = evs.find((e) => e.type === 'ACCUSE')!;
    expect([accused.date, recall.respondsTo]).toEqual(['2022-05-04', accused.id]);
  });
});

describe('undated claims in the body', () => {
  it('are evidence of the report their source has in the lede, not a happening of their own', () => {
    const text = 'Chile warned Peru on Monday that it would close the border.\n\nThe warning came after weeks of tension.\n\n'
      + 'Chile has long accused Peru of smuggling arms across the frontier.';
    const evs = events(text, '2022-05-04');
    expect(evs.filter((e) => e.source.country === 'CHL').map((e) => e.type)).toEqual(['THREATEN']);
    expect(evs[0]!.evidence?.some((s) => s.text.includes('smuggling'))).toBe(true);
  });
  it('stay a happening of their own when the article reports nothing else of their source', () => {
    const text = 'Chile warned Peru on Monday that it would close the border.\n\nThe warning came after weeks of tension.\n\n'
      + 'Bolivia has accused Peru of smuggling arms across the frontier.';
    expect(events(text, '2022-05-04').map((e) => [e.source.country, e.type, e.datePrecision])).toContainEqual(['BOL', 'ACCUSE', 'published']);
  });
});

describe('the words an act is told in', () => {
  it('keeps the reported speech an act sits in as its quote', () => {
    const e = first('Chile said on Monday that it was ready to hold talks with Peru without preconditions.', '2022-05-04');
    expect(e.quote).toMatch(/ready to hold talks/);
  });
});

describe('a person introduced by nationality and title', () => {
  it('is the actor, not the nationality, when the text gives them that country', () => {
    expect(first('Chilean foreign ministry spokeswoman Ana Ruiz on Monday warned Peru of consequences.', '2022-05-04').source.name).toBe('Ana Ruiz');
    expect(first("Chile's defence minister Tomas Vidal accused Peru of provocations.", '2022-05-04').source.name).toBe('Tomas Vidal');
  });
});
