import type { ReactNode, SelectHTMLAttributes } from 'react';

/*
 * Form fields the settings pages need beyond the shell's TextField: a select
 * and a group of checkboxes or radios, each with a label or legend, an optional
 * hint and the GOV.UK inline error pattern (the message between the label and
 * the control, tied to it by aria-describedby).
 */

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">Error: </span>
      {children}
    </p>
  );
}

export interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'aria-invalid' | 'aria-describedby'
> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  options: readonly (readonly [value: string, label: string])[];
}

export function SelectField({ id, label, hint, error, options, ...select }: SelectFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <select
        id={id}
        name={id}
        className={error ? 'select select--error' : 'select'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
        {...select}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export interface ChoiceGroupProps {
  /** The first input's id (the error summary links to it); the others add `-<value>`. */
  id: string;
  type: 'checkbox' | 'radio';
  legend: string;
  hint?: ReactNode;
  error?: string;
  choices: readonly Choice[];
  /** The chosen values. */
  value: readonly string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
  /** Shown under the group, e.g. a conditional follow-up question. */
  children?: ReactNode;
}

/** A fieldset of checkboxes or radios with a legend, as in the GOV.UK Design System. */
export function ChoiceGroup({
  id,
  type,
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
  disabled,
  children,
}: ChoiceGroupProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  function toggle(choice: string, checked: boolean) {
    if (type === 'radio') onChange([choice]);
    else onChange(checked ? [...value, choice] : value.filter((v) => v !== choice));
  }
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset
        className="fieldset"
        aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
      >
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? (
          <div className="hint" id={hintId}>
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
        <div className="choices">
          {choices.map((choice, index) => {
            const inputId = index === 0 ? id : `${id}-${choice.value}`;
            const choiceHintId = `${inputId}-item-hint`;
            return (
              <div className="choice" key={choice.value}>
                <input
                  className="choice__input"
                  id={inputId}
                  name={id}
                  type={type}
                  value={choice.value}
                  checked={value.includes(choice.value)}
                  disabled={disabled}
                  aria-describedby={choice.hint ? choiceHintId : undefined}
                  onChange={(event) => toggle(choice.value, event.target.checked)}
                />
                <label className="choice__label" htmlFor={inputId}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <div className="hint choice__hint" id={choiceHintId}>
                    {choice.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
        {children}
      </fieldset>
    </div>
  );
}

/** A button that shows it is busy (GOV.UK: keep it focusable, refuse a second press). */
export function SubmitButton({
  busy,
  busyLabel,
  children,
  className = 'button',
}: {
  busy: boolean;
  busyLabel: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <button
      type="submit"
      className={className}
      aria-disabled={busy ? true : undefined}
      data-loading={busy ? true : undefined}
    >
      {busy ? (
        <>
          <span className="spinner spinner--on-button" aria-hidden="true" />
          {busyLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
