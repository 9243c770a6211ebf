// How a trigger hit is coded once its negation and modality are read, following the PLOVER and
// CAMEO codebooks so that the type always carries the sign of the act:
// - A planned material act is coded as its announcement, which is done now: an intent to
//   cooperate is AGREE/intent, a planned conflictual act THREATEN ("will release" → AGREE, "would
//   blockade" → THREATEN), both asserted.
// - Negated cooperation is a refusal: "did not attend the talks", "won't meet", "no plans to send
//   aid" are REJECT (CAMEO 12: reject cooperation, decline to meet or to yield), asserted.
// - A pledge not to do a conflictual act is an intent to de-escalate: "will not use force", "no
//   plans to impose sanctions" are AGREE/intent (CAMEO 035x, express intent to yield); a
//   conditional one ("would not refuse talks if …") is the same offer, hypothetical.
// - A conflictual act reported as not done ("did not attack", "has not threatened") is no event.
// Statements keep their negation ("declined to comment" is a kind of comment).
import type { AnalysisEvent, EventType } from '../types.js';

const COOPERATIVE = new Set<EventType>(['AGREE', 'CONSULT', 'COOPERATE', 'AID', 'SUPPORT', 'CONCEDE', 'RETREAT']);
/** Material acts whose announcement is an intent (AGREE) or a threat (THREATEN). */
const COOPERATIVE_ACTS = new Set<EventType>(['AID', 'COOPERATE', 'RETREAT', 'CONCEDE']);
const CONFLICT_ACTS = new Set<EventType>(['SANCTION', 'COERCE', 'ASSAULT', 'PROTEST', 'MOBILIZE']);

export interface CodedAct {
  type: EventType;
  mode: string | null;
  negated: boolean;
  modality: NonNullable<AnalysisEvent['modality']>;
}

/** The coded act, or null when the text reports that nothing happened. */
export function codeAct(type: EventType, mode: string | null, negated: boolean, modality: CodedAct['modality']): CodedAct | null {
  const announced = modality === 'planned' ? 'asserted' : modality;
  if (negated && type !== 'STATEMENT') {
    if (COOPERATIVE.has(type)) return { type: 'REJECT', mode: refusalMode(type), negated: false, modality: announced };
    if (modality === 'planned' || modality === 'hypothetical') return { type: 'AGREE', mode: 'intent', negated: false, modality: announced };
    return null;
  }
  if (modality !== 'planned' || mode === 'offered') return { type, mode, negated, modality };
  if (COOPERATIVE_ACTS.has(type)) return { type: 'AGREE', mode: 'intent', negated, modality: 'asserted' };
  if (CONFLICT_ACTS.has(type)) return { type: 'THREATEN', mode: type === 'ASSAULT' ? 'violence' : null, negated, modality: 'asserted' };
  return { type, mode, negated, modality };
}

/** REJECT's mode for a refused act: a meeting refused, or a concession withheld. */
function refusalMode(type: EventType): string | null {
  if (type === 'CONSULT') return 'meet';
  return type === 'AID' || type === 'CONCEDE' || type === 'RETREAT' ? 'yield' : null;
}
