// Internal shapes of the entity finder (mentions before they are merged into entities).
import type { ActorType, AliasHit } from '../../registry/types.js';

export interface RawMention {
  start: number;
  end: number;
  text: string;
  /** Token index range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  sentence: number;
  type: ActorType;
  /** Registry hits when the surface is in the registry. */
  hits: AliasHit[];
  /** Chosen registry actor id, when resolved. */
  actorId: string | null;
  via: 'name' | 'alias' | 'variant' | 'surname' | 'metonym' | 'demonym' | 'generic' | 'acronym' | 'run';
  /** Titles stated right before the name ("Foreign Minister") or in an apposition after it. */
  roles: string[];
  /** Institution named with the role ("of the Korea Institute for National Unification"). */
  affiliation: string | null;
  /** Country code implied (registry country, a demonym, a city's country). */
  country: string | null;
  /** How sure the type of an unknown name is (see classifyName); registry hits are 3. */
  confidence: number;
}
