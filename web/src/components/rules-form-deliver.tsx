// The rule form's push deliveries: signed webhooks and log lines. Every rule also has its Atom
// feed, so a rule without deliveries still reaches whoever subscribes to it.
import { FieldError, TextField, type Errors } from './rules-fields';
import type { DeliveryForm } from './rules-model';

const NEW_WEBHOOK: DeliveryForm = { kind: 'webhook', url: '', secret: '', sink: '', stored: false };
const NEW_LOG: DeliveryForm = { kind: 'log', url: '', secret: '', sink: '', stored: false };

export function DeliverFields({ deliver, onChange, errors }: { deliver: DeliveryForm[]; onChange: (d: DeliveryForm[]) => void; errors: Errors }) {
  const edit = (i: number, patch: Partial<DeliveryForm>) => onChange(deliver.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset className="rule-deliver">
      <legend>Deliveries</legend>
      <p className="hint">Every rule has an Atom feed (linked in the list once saved). Add a webhook or a log line to push alerts as well.</p>
      {deliver.map((d, i) => (
        <div key={i} className="delivery-item" role="group" aria-label={`Delivery ${i + 1}`}>
          <label className="field">
            Delivery {i + 1} kind
            <select value={d.kind} onChange={(e) => edit(i, { kind: e.target.value as DeliveryForm['kind'], stored: false })}>
              <option value="webhook">webhook (signed JSON POST)</option>
              <option value="log">log line / log sink (JSON Lines)</option>
            </select>
          </label>
          {d.kind === 'webhook' ? (
            <>
              <TextField id={`rule-deliver-${i}-url`} type="url" label={`Delivery ${i + 1} webhook URL`} value={d.url} onChange={(url) => edit(i, { url })} placeholder="https://hooks.example/readout" error={errors[`deliver.${i}.url`]} />
              <TextField
                id={`rule-deliver-${i}-secret`}
                label={`Delivery ${i + 1} signing secret`}
                value={d.secret}
                onChange={(secret) => edit(i, { secret })}
                hint={d.stored ? 'Stored and not shown; leave empty to keep it.' : 'At least 16 characters; the receiver checks X-Readout-Signature with it.'}
                error={errors[`deliver.${i}.secret`]}
              />
            </>
          ) : (
            <TextField id={`rule-deliver-${i}-sink`} label={`Delivery ${i + 1} log sink (optional)`} value={d.sink} onChange={(sink) => edit(i, { sink })} hint="The name of a log sink the server's operator configured (alerts.logSinks): a JSON line per alert is appended to its file. Empty: the server's log." error={errors[`deliver.${i}.sink`] ?? errors[`deliver.${i}.file`]} />
          )}
          <FieldError id={`rule-deliver-${i}`} error={errors[`deliver.${i}`] ?? errors[`deliver.${i}.kind`]} />
          <button type="button" className="secondary" onClick={() => onChange(deliver.filter((_, j) => j !== i))}>
            Remove delivery {i + 1}
          </button>
        </div>
      ))}
      <FieldError id="rule-deliver" error={errors.deliver} />
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => onChange([...deliver, NEW_WEBHOOK])}>
          Add a webhook
        </button>
        <button type="button" className="secondary" onClick={() => onChange([...deliver, NEW_LOG])}>
          Add a log delivery
        </button>
      </div>
    </fieldset>
  );
}
