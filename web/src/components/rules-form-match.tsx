// The rule form's conditions: what kind of thing the rule fires on (merged events, personnel
// moves or attention spikes; one kind per rule, as the API requires) and that kind's criteria.
import { Check, CheckList, Choice, TextField, type Errors } from './rules-fields';
import { EVENT_TYPE_LIST, PERSONNEL_CHANGE_LIST, type RuleForm } from './rules-model';

type Edit = (patch: Partial<RuleForm>) => void;

function EventConditions({ f, set, errors }: { f: RuleForm; set: Edit; errors: Errors }) {
  return (
    <fieldset className="rule-conditions">
      <legend>Event conditions (every one given must hold)</legend>
      <TextField id="rule-actors" label="Actors" value={f.actors} onChange={(actors) => set({ actors })} placeholder="PRK, Kim Jong Un" hint="Source or target is any of these: ISO3 code, registry id or name; separate with commas." error={errors['match.actors']} />
      <div className="field-row">
        <TextField id="rule-dyad-a" label="Dyad: first actor" value={f.dyadA} onChange={(dyadA) => set({ dyadA })} placeholder="PRK" error={errors['match.dyad']} />
        <TextField id="rule-dyad-b" label="Dyad: second actor" value={f.dyadB} onChange={(dyadB) => set({ dyadB })} placeholder="USA" />
        <Check id="rule-directed" label="Only first → second" checked={f.directed} onChange={(directed) => set({ directed })} />
      </div>
      <CheckList id="rule-types" legend="Event types" options={EVENT_TYPE_LIST} value={f.types} onChange={(types) => set({ types })} hint="Any of the ticked types; none ticked: every type." error={errors['match.types']} />
      <div className="field-row">
        <TextField id="rule-min-abs" type="number" label="Strength at least (|intensity|)" value={f.minAbsIntensity} onChange={(minAbsIntensity) => set({ minAbsIntensity })} hint="0 … 10, either sign" error={errors['match.minAbsIntensity']} />
        <TextField id="rule-min" type="number" label="Intensity at least" value={f.minIntensity} onChange={(minIntensity) => set({ minIntensity })} hint="−10 conflict … +10 cooperation" error={errors['match.minIntensity']} />
        <TextField id="rule-max" type="number" label="Intensity at most" value={f.maxIntensity} onChange={(maxIntensity) => set({ maxIntensity })} hint="e.g. −5: conflictual only" error={errors['match.maxIntensity']} />
      </div>
      <TextField id="rule-keywords" label="Keywords" multiline value={f.keywords} onChange={(keywords) => set({ keywords })} hint="One word or phrase a line; any of them in a report's quote or evidence sentence." error={errors['match.keywords']} />
      <Check id="rule-skip-negated" label="Skip negated events (“did not threaten”)" checked={f.skipNegated} onChange={(skipNegated) => set({ skipNegated })} />
    </fieldset>
  );
}

function PersonnelConditions({ f, set, errors }: { f: RuleForm; set: Edit; errors: Errors }) {
  return (
    <fieldset className="rule-conditions">
      <legend>Personnel moves</legend>
      <CheckList id="rule-changes" legend="Changes" options={PERSONNEL_CHANGE_LIST} value={f.changes} onChange={(changes) => set({ changes })} hint="None ticked: every change." error={errors['match.personnel']} />
      <TextField id="rule-org" label="Institution" value={f.org} onChange={(org) => set({ org })} placeholder="Ministry of Foreign Affairs (China)" hint="Registry id, name or alias, or the name as articles give it." />
      <TextField id="rule-person" label="Person" value={f.person} onChange={(person) => set({ person })} placeholder="Choe Son Hui" hint="Registry id or name." />
    </fieldset>
  );
}

function SpikeConditions({ f, set, errors }: { f: RuleForm; set: Edit; errors: Errors }) {
  return (
    <fieldset className="rule-conditions">
      <legend>Attention spike</legend>
      <Choice name="rule-spike-on" legend="Subject" options={[['actor', 'an actor'], ['dyad', 'a pair of actors'], ['keyword', 'a keyword']] as const} value={f.spikeOn} onChange={(spikeOn) => set({ spikeOn })} error={errors['match.spike']} />
      {f.spikeOn === 'actor' ? <TextField id="rule-spike-actor" label="Spike actor" value={f.spikeActor} onChange={(spikeActor) => set({ spikeActor })} placeholder="PRK" /> : null}
      {f.spikeOn === 'dyad' ? (
        <div className="field-row">
          <TextField id="rule-spike-a" label="Spike pair: first actor" value={f.spikeA} onChange={(spikeA) => set({ spikeA })} placeholder="PRK" />
          <TextField id="rule-spike-b" label="Spike pair: second actor" value={f.spikeB} onChange={(spikeB) => set({ spikeB })} placeholder="USA" />
        </div>
      ) : null}
      {f.spikeOn === 'keyword' ? <TextField id="rule-spike-keyword" label="Spike keyword" value={f.spikeKeyword} onChange={(spikeKeyword) => set({ spikeKeyword })} placeholder="missile" hint="Counts articles the full-text search matches." /> : null}
      <div className="field-row">
        <label className="field">
          Bucket
          <select value={f.spikeBy} onChange={(e) => set({ spikeBy: e.target.value as RuleForm['spikeBy'] })}>
            <option value="day">day</option>
            <option value="week">week</option>
          </select>
        </label>
        <label className="field">
          Series
          <select value={f.spikeSeries} onChange={(e) => set({ spikeSeries: e.target.value as RuleForm['spikeSeries'] })}>
            <option value="articles">articles</option>
            <option value="events">merged events</option>
          </select>
        </label>
      </div>
    </fieldset>
  );
}

export function MatchFields({ f, set, errors }: { f: RuleForm; set: Edit; errors: Errors }) {
  return (
    <>
      <Choice name="rule-kind" legend="Fires on" options={[['event', 'events'], ['personnel', 'personnel moves'], ['spike', 'attention spikes']] as const} value={f.kind} onChange={(kind) => set({ kind })} error={errors.match} />
      {f.kind === 'event' ? <EventConditions f={f} set={set} errors={errors} /> : f.kind === 'personnel' ? <PersonnelConditions f={f} set={set} errors={errors} /> : <SpikeConditions f={f} set={set} errors={errors} />}
    </>
  );
}
