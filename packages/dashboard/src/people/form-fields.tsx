import type { ReactNode, SelectHTMLAttributes } from 'react';

/*
 * Form fields beside src/shell/text-field.tsx, in the same GOV.UK pattern: a
 * label (or legend), an optional hint, the inline error, and the control with
 * aria-describedby pointing at both. The field's id is what the error summary
 * links to (for radios, the first option).
 */

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'aria-invalid' | 'aria-describedby'
> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose a service". */
  placeholder?: string;
  /** Extra classes for the wrapper (e.g. to sit in a row of filters). */
  groupClassName?: string;
}

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  placeholder,
  groupClassName,
  className,
  ...select
}: SelectFieldProps) {
  return (
    <div
      className={['form-group', error ? 'form-group--error' : null, groupClassName]
        .filter(Boolean)
        .join(' ')}
    >
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={id} error={error} />
      <select
        id={id}
        name={id}
        className={['select', error ? 'select--error' : null, className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

export interface RadiosFieldProps {
  /** The group's name, and the first option's id (what the error summary links to). */
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly RadioOption[];
  value: string;
  onChange: (value: string) => void;
  /** Side by side, for two or three short options. */
  inline?: boolean;
}

/** The input id of an option: the group's id for the first, so the summary can link to it. */
export function radioId(groupId: string, index: number, value: string): string {
  return index === 0 ? groupId : `${groupId}-${value.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export function RadiosField({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  inline,
}: RadiosFieldProps) {
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? (
          <div className="hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={id} error={error} />
        <div className={inline ? 'radios radios--inline' : 'radios'}>
          {options.map((option, index) => {
            const optionId = radioId(id, index, option.value);
            return (
              <div className="radios__item" key={option.value}>
                <input
                  className="radios__input"
                  type="radio"
                  id={optionId}
                  name={id}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                />
                <label className="radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div className="hint radios__hint" id={`${optionId}-item-hint`}>
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

export interface CheckboxFieldProps {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ id, label, hint, checked, onChange }: CheckboxFieldProps) {
  return (
    <div className="form-group">
      <div className="checkbox">
        <input
          className="checkbox__input"
          type="checkbox"
          id={id}
          name={id}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <label className="checkbox__label" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <div className="hint checkbox__hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}
