import { useState, type FormEvent } from 'react';
import type { OrganisationKind } from '../gql/graphql';
import { SelectField } from '../people/form-fields';
import { monthName } from '../shell/charts/format';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { TextField } from '../shell/text-field';
import {
  checkFilterForm,
  KIND_LABELS,
  MAX_MONTHS,
  monthChoices,
  PROVIDER_KINDS,
  type ComparisonFilters,
  type FilterFormErrors,
  type Month,
} from './comparison-params';

/*
 * The comparison's period (two month choices) and filters (kinds of provider,
 * practitioner type). Nothing changes until "Apply filters" (WCAG 3.2.2); the
 * page then puts them in the address. Errors follow the GOV.UK pattern.
 */

export const FILTER_FIELD_IDS = {
  fromMonth: 'comparison-from',
  toMonth: 'comparison-to',
  providerKinds: 'comparison-kinds',
  practitionerType: 'comparison-type',
} as const;

export interface ComparisonFiltersFormProps {
  filters: ComparisonFilters;
  /** The latest complete month: the newest month to choose. */
  latest: Month;
  onApply: (filters: ComparisonFilters) => void;
  onReset: () => void;
  /** The API's complaints about the applied filters, by field. */
  apiErrors?: FilterFormErrors | null;
}

export function ComparisonFiltersForm(props: ComparisonFiltersFormProps) {
  // A new set of applied filters (from the address) starts the form afresh.
  const { filters } = props;
  const key = [
    filters.fromMonth,
    filters.toMonth,
    filters.providerKinds.join(','),
    filters.practitionerType,
    props.latest,
  ].join('|');
  return <FiltersForm key={key} {...props} />;
}

function FiltersForm({ filters, latest, onApply, onReset, apiErrors }: ComparisonFiltersFormProps) {
  const [fromMonth, setFromMonth] = useState(filters.fromMonth);
  const [toMonth, setToMonth] = useState(filters.toMonth);
  const [kinds, setKinds] = useState<OrganisationKind[]>(filters.providerKinds);
  const [practitionerType, setPractitionerType] = useState(filters.practitionerType);
  const [errors, setErrors] = useState<FilterFormErrors>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);

  const choices = monthChoices(latest);
  // A month in the address older than the choices is still offered, so the select shows it.
  const options = [...new Set([...choices, filters.fromMonth, filters.toMonth])]
    .sort()
    .reverse()
    .map((month) => ({ value: month, label: monthName(month) }));
  const shown: FilterFormErrors = { ...(apiErrors ?? {}), ...errors };

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = checkFilterForm({ fromMonth, toMonth, providerKinds: kinds, practitionerType });
    if (!result.filters) {
      setErrors(result.errors);
      setSummary(
        (['fromMonth', 'toMonth', 'practitionerType'] as const)
          .filter((field) => result.errors[field])
          .map((field) => ({
            message: result.errors[field] as string,
            fieldId: FILTER_FIELD_IDS[field],
          })),
      );
      return;
    }
    setErrors({});
    setSummary([]);
    onApply(result.filters);
  }

  function toggle(kind: OrganisationKind, checked: boolean) {
    const next = checked ? [...kinds, kind] : kinds.filter((k) => k !== kind);
    setKinds(PROVIDER_KINDS.filter((k) => next.includes(k)));
  }

  const apiSummary: ErrorSummaryItem[] =
    summary.length === 0 && apiErrors
      ? (['fromMonth', 'toMonth', 'practitionerType'] as const)
          .filter((field) => apiErrors[field])
          .map((field) => ({
            message: apiErrors[field] as string,
            fieldId: FILTER_FIELD_IDS[field],
          }))
      : [];

  return (
    <form className="filters comparison-filters" onSubmit={submit} noValidate aria-label="Filters">
      <ErrorSummary items={summary.length > 0 ? summary : apiSummary} />
      <div className="filters__row">
        <SelectField
          id={FILTER_FIELD_IDS.fromMonth}
          label="First month"
          options={options}
          value={fromMonth}
          onChange={(event) => setFromMonth(event.target.value)}
          {...(shown.fromMonth ? { error: shown.fromMonth } : {})}
        />
        <SelectField
          id={FILTER_FIELD_IDS.toMonth}
          label="Last month"
          hint={`At most ${MAX_MONTHS} months, up to the latest complete month`}
          options={options}
          value={toMonth}
          onChange={(event) => setToMonth(event.target.value)}
          {...(shown.toMonth ? { error: shown.toMonth } : {})}
        />
      </div>
      <div className="form-group">
        <fieldset className="fieldset" aria-describedby={`${FILTER_FIELD_IDS.providerKinds}-hint`}>
          <legend className="fieldset__legend">Kinds of provider</legend>
          <div className="hint" id={`${FILTER_FIELD_IDS.providerKinds}-hint`}>
            Leave them all unticked to compare every kind.
          </div>
          <div className="comparison-filters__kinds">
            {PROVIDER_KINDS.map((kind, index) => {
              const id = `${FILTER_FIELD_IDS.providerKinds}-${index}`;
              return (
                <div className="checkbox" key={kind}>
                  <input
                    className="checkbox__input"
                    type="checkbox"
                    id={id}
                    name="kind"
                    value={kind}
                    checked={kinds.includes(kind)}
                    onChange={(event) => toggle(kind, event.target.checked)}
                  />
                  <label className="checkbox__label" htmlFor={id}>
                    {KIND_LABELS[kind]}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <TextField
        id={FILTER_FIELD_IDS.practitionerType}
        label="Practitioner type (optional)"
        hint="As the providers record it, for example Family support worker. Leave it empty for every type together."
        value={practitionerType}
        autoComplete="off"
        onChange={(event) => setPractitionerType(event.target.value)}
        {...(shown.practitionerType ? { error: shown.practitionerType } : {})}
      />
      <div className="button-group">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button type="button" className="link-button" onClick={onReset}>
          Show the latest 12 months for every provider
        </button>
      </div>
    </form>
  );
}
