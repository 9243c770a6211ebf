// Add or edit a watch rule: labelled fields per criterion and delivery, a dry run against the
// stored events before saving, and the API's validation errors shown next to their field.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, apiPath } from '../api/client';
import { DeliverFields } from './rules-form-deliver';
import { MatchFields } from './rules-form-match';
import { Check, TextField, type Errors } from './rules-fields';
import { EMPTY_RULE, fieldOfError, fieldWords, fromSpec, toBody, type PublicRule, type RuleForm } from './rules-model';
import { TEST_WINDOWS, TestResults, type TestResult } from './rules-test-run';

const TEST_LIMIT = 50;

export function RuleEditor({ rule, onSaved, onCancel }: { rule: PublicRule | null; onSaved: (r: PublicRule) => void; onCancel: () => void }) {
  const [f, setF] = useState<RuleForm>(() => (rule ? fromSpec(rule.spec) : EMPTY_RULE));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState<'saving' | 'testing' | null>(null);
  const [days, setDays] = useState(30);
  const [test, setTest] = useState<TestResult | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<RuleForm>) => setF((cur) => ({ ...cur, ...patch }));

  // After a refusal, move the focus to the field at fault (or the form's message).
  useEffect(() => {
    if (Object.keys(errors).length) form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input, .form-error')?.focus();
  }, [errors]);

  const fail = (err: Error) => {
    const { field, message } = fieldOfError(err);
    setErrors({ [field]: message, form: field === 'form' ? message : `Not accepted (${fieldWords(field)}): ${message}` });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('saving');
    setErrors({});
    try {
      const body = toBody(f);
      onSaved(rule ? await api.put<PublicRule>(`/rules/${rule.id}`, body) : await api.post<PublicRule>('/rules', body));
    } catch (err) {
      fail(err as Error);
    } finally {
      setBusy(null);
    }
  };

  const dryRun = async () => {
    setBusy('testing');
    setErrors({});
    setTest(null);
    try {
      setTest(await api.post<TestResult>(apiPath('/rules/test', { days, limit: TEST_LIMIT }), toBody(f)));
    } catch (err) {
      fail(err as Error);
    } finally {
      setBusy(null);
    }
  };

  const title = rule ? `Edit rule “${rule.name}”` : 'New watch rule';
  return (
    <form ref={form} className="card rule-form" aria-labelledby="rule-form-title" onSubmit={(e) => void save(e)} noValidate>
      <h2 id="rule-form-title">{title}</h2>
      {rule?.origin === 'file' ? <p className="hint">This rule comes from the rules file on the server: the next `readout rules sync` puts the file's version back.</p> : null}
      {errors.form ? (
        <p className="state error form-error" role="alert" tabIndex={-1}>
          {errors.form}
        </p>
      ) : null}
      <TextField id="rule-name" label="Name" required value={f.name} onChange={(name) => set({ name })} hint="Letters, digits, space, . _ -" error={errors.name} />
      <TextField id="rule-description" label="Description" value={f.description} onChange={(description) => set({ description })} error={errors.description} />
      <Check id="rule-enabled" label="Enabled (fires on new articles)" checked={f.enabled} onChange={(enabled) => set({ enabled })} />
      <MatchFields f={f} set={set} errors={errors} />
      <DeliverFields deliver={f.deliver} onChange={(deliver) => set({ deliver })} errors={errors} />
      <div className="button-row rule-actions">
        <label className="field inline">
          Dry run over{' '}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {TEST_WINDOWS.map(([d, label]) => (
              <option key={d} value={d}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => void dryRun()} disabled={busy !== null || f.kind !== 'event'} aria-describedby={f.kind !== 'event' ? 'rule-test-note' : undefined}>
          {busy === 'testing' ? 'Testing…' : 'Test rule'}
        </button>
        <button type="submit" disabled={busy !== null}>
          {busy === 'saving' ? 'Saving…' : rule ? 'Save changes' : 'Save rule'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {f.kind !== 'event' ? (
        <p id="rule-test-note" className="hint">
          A dry run checks event rules only: personnel and spike rules fire on role observations and series as articles arrive.
        </p>
      ) : null}
      {test ? <TestResults result={test} limit={TEST_LIMIT} /> : null}
    </form>
  );
}
