// The actor registry: countries, institutions and people with aliases and dated roles.
// Data lives in data/registry/*.yaml (plus users' own files); code only loads and indexes it.

export type ActorType = 'person' | 'organization' | 'country' | 'place' | 'other';

/** A post held over a period ("Minister of Foreign Affairs", 2022-06-10 → null = still). */
export interface RoleSpell {
  title: string;
  /** Registry id of the institution the post belongs to, when known. */
  org?: string | null;
  /** ISO date or partial date (YYYY, YYYY-MM, YYYY-MM-DD); null/absent = unknown. */
  start?: string | null;
  end?: string | null;
}

export interface Actor {
  /** Stable id, e.g. "country:PRK", "org:prk-mfa", "person:kim-yo-jong". */
  id: string;
  type: ActorType;
  /** Canonical display name ("Kim Yo Jong", "Ministry of Foreign Affairs (DPRK)"). */
  name: string;
  /** Other names and spellings, matched case- and hyphen-insensitively. */
  aliases: string[];
  /** ISO 3166-1 alpha-3 of the country the actor is or belongs to. */
  country: string | null;
  /** Registry id of the parent institution (ministry → government). */
  parent?: string | null;
  /** Kind of organisation: head-of-state-office, foreign-ministry, defence-ministry, legislature, party,
   * news-agency, intelligence, international, media, think-tank, government, military, court... */
  kind?: string | null;
  /** Persons: 'm' | 'f' when publicly known (pronoun resolution). */
  gender?: 'm' | 'f' | null;
  roles?: RoleSpell[];
  /** Countries: adjectives/nationality words ("North Korean", "Russian"). */
  demonyms?: string[];
  /** Countries: capitals and seat-of-power names used for the government ("Pyongyang", "the Kremlin"). */
  metonyms?: string[];
  /** Generic phrases that mean this institution when the country is clear from context
   * ("foreign ministry", "defense ministry", "parliament"). */
  generic?: string[];
  /** Where the entry came from: "builtin", a user file path, or "store". */
  origin?: string;
  /** Persons: 'eastern' = family name first ("Kim Yo Jong", "Wang Yi"); default from the country. */
  nameOrder?: 'eastern' | 'western';
  /** Set by `readout actors merge`: this entry is a duplicate of that actor; its surfaces resolve there. */
  mergedInto?: string | null;
}

/** A surface form hit in the registry's alias index. */
export interface AliasHit {
  actorId: string;
  /** How the surface form relates to the actor. */
  via: 'name' | 'alias' | 'demonym' | 'metonym' | 'generic' | 'surname';
}

export interface Registry {
  /** Version of the shipped data plus a hash of user files, stored with every analysis. */
  readonly version: string;
  get(id: string): Actor | undefined;
  all(): Iterable<Actor>;
  /** Exact lookup of a normalised surface form (see normalizeName). */
  lookup(surface: string): AliasHit[];
  /** Ids of persons whose name or an alias is this name in another romanisation (variant-key.ts); [] for none. */
  variantOf(name: string): string[];
  /** Longest registry surface form starting at token position, used by the mention finder:
   * the maximum number of words any alias has (bounds the scan window). */
  readonly maxAliasWords: number;
  /** True when some registry surface form starts with this normalised text (bounds the scan early). */
  hasPrefix(surface: string): boolean;
  /** Country actor by ISO alpha-3 / alpha-2. */
  country(code: string): Actor | undefined;
  /** Institution of a generic kind for a country ("foreign-ministry", "PRK"). */
  institution(kind: string, country: string): Actor | undefined;
}
