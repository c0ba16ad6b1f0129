import type { ReactNode } from 'react';
import { radioId } from '../people/form-fields';

/*
 * A group of checkboxes in the GOV.UK pattern (src/people/form-fields.tsx has
 * the single checkbox, selects and radios): a fieldset with a legend, an
 * optional hint, the inline error, then the boxes, each with its own hint.
 * The first box's id is the group's, so the error summary can link to it.
 */

export interface CheckboxOption {
  value: string;
  label: string;
  hint?: string;
}

export interface CheckboxesFieldProps {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly CheckboxOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** A long list (people) scrolls inside a box of limited height. */
  scroll?: boolean;
}

export function CheckboxesField({
  id,
  legend,
  hint,
  error,
  options,
  values,
  onChange,
  scroll,
}: CheckboxesFieldProps) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  function toggle(value: string, checked: boolean) {
    const next = checked ? [...values, value] : values.filter((v) => v !== value);
    // Keep the options' order, whatever order they were ticked in.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  }
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? (
          <div className="hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <div className={scroll ? 'checkboxes checkboxes--scroll' : 'checkboxes'}>
          {options.map((option, index) => {
            const optionId = radioId(id, index, option.value);
            return (
              <div className="checkbox" key={option.value}>
                <input
                  className="checkbox__input"
                  type="checkbox"
                  id={optionId}
                  name={id}
                  value={option.value}
                  checked={values.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                />
                <label className="checkbox__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div className="hint checkbox__hint" id={`${optionId}-item-hint`}>
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** The "Saving…" submit button every form here uses (disabled while saving). */
export function SubmitButton({
  saving,
  children,
  className = 'button',
}: {
  saving: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <button
      type="submit"
      className={className}
      disabled={saving}
      aria-disabled={saving || undefined}
    >
      {saving ? (
        <>
          <span className="spinner spinner--on-button" aria-hidden="true" />
          Saving…
        </>
      ) : (
        children
      )}
    </button>
  );
}
