import { useState, type FormEvent } from 'react';
import { DateInput, toUkInput } from '../shell/date-input';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { checkFilterForm, type OverviewFilters } from './overview-params';

/*
 * The period and service filters of the Overview and the Cost case: two UK
 * date fields and a group of service checkboxes. Nothing changes until
 * "Apply filters" (WCAG 3.2.2); the page then puts the filters in the
 * address. Errors follow the GOV.UK pattern: a summary linking to each field
 * and the message again by the field.
 */

export interface ServiceOption {
  id: string;
  name: string;
}

export interface FilterErrors {
  from?: string;
  to?: string;
  services?: string;
}

export interface OverviewFiltersFormProps {
  filters: OverviewFilters;
  services: readonly ServiceOption[];
  /** "Services" for admins and analysts, "Your services" for a manager. */
  servicesLegend: string;
  onApply: (filters: OverviewFilters) => void;
  /** The default view (the last 12 months, every service). */
  onReset: () => void;
  /** Errors from the API for the applied filters, by field. */
  apiErrors?: FilterErrors;
}

const FIELD_IDS = { from: 'filter-from', to: 'filter-to', services: 'filter-services' } as const;

export function OverviewFiltersForm(props: OverviewFiltersFormProps) {
  // A new set of applied filters (from the address) starts the form afresh.
  const key = `${props.filters.from}|${props.filters.to}|${props.filters.serviceIds.join(',')}`;
  return <FiltersForm key={key} {...props} />;
}

function FiltersForm({
  filters,
  services,
  servicesLegend,
  onApply,
  onReset,
  apiErrors,
}: OverviewFiltersFormProps) {
  const [from, setFrom] = useState(toUkInput(filters.from));
  const [to, setTo] = useState(toUkInput(filters.to));
  const [serviceIds, setServiceIds] = useState<string[]>(filters.serviceIds);
  const [errors, setErrors] = useState<FilterErrors>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);

  const shown: FilterErrors = { ...apiErrors, ...errors };

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = checkFilterForm({ from, to, serviceIds });
    if (!result.filters) {
      setErrors(result.errors);
      setSummary(
        (['from', 'to'] as const)
          .filter((field) => result.errors[field])
          .map((field) => ({ message: result.errors[field] as string, fieldId: FIELD_IDS[field] })),
      );
      return;
    }
    setErrors({});
    setSummary([]);
    onApply(result.filters);
  }

  function toggle(id: string, checked: boolean) {
    const next = checked ? [...serviceIds, id] : serviceIds.filter((value) => value !== id);
    setServiceIds(services.map((s) => s.id).filter((value) => next.includes(value)));
  }

  const apiSummary: ErrorSummaryItem[] =
    summary.length === 0 && apiErrors
      ? (['from', 'to', 'services'] as const)
          .filter((field) => apiErrors[field])
          .map((field) => ({
            message: apiErrors[field] as string,
            fieldId: field === 'services' ? `${FIELD_IDS.services}-0` : FIELD_IDS[field],
          }))
      : [];

  return (
    <form className="filters overview-filters" onSubmit={submit} noValidate aria-label="Filters">
      <ErrorSummary items={summary.length > 0 ? summary : apiSummary} />
      <div className="filters__row">
        <DateInput
          id={FIELD_IDS.from}
          label="From"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          {...(shown.from ? { error: shown.from } : {})}
        />
        <DateInput
          id={FIELD_IDS.to}
          label="To"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          {...(shown.to ? { error: shown.to } : {})}
        />
      </div>
      {services.length > 0 ? (
        <div className={shown.services ? 'form-group form-group--error' : 'form-group'}>
          <fieldset
            className="fieldset"
            aria-describedby={`${FIELD_IDS.services}-hint${shown.services ? ` ${FIELD_IDS.services}-error` : ''}`}
          >
            <legend className="fieldset__legend">{servicesLegend}</legend>
            <div className="hint" id={`${FIELD_IDS.services}-hint`}>
              Leave them all unticked to include every service you can see.
            </div>
            {shown.services ? (
              <p className="error-message" id={`${FIELD_IDS.services}-error`}>
                <span className="visually-hidden">Error: </span>
                {shown.services}
              </p>
            ) : null}
            <div className="overview-filters__services">
              {services.map((service, index) => {
                const id = `${FIELD_IDS.services}-${index}`;
                return (
                  <div className="checkbox" key={service.id}>
                    <input
                      className="checkbox__input"
                      type="checkbox"
                      id={id}
                      name="service"
                      value={service.id}
                      checked={serviceIds.includes(service.id)}
                      onChange={(event) => toggle(service.id, event.target.checked)}
                    />
                    <label className="checkbox__label" htmlFor={id}>
                      {service.name}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
      ) : null}
      <div className="button-group">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button type="button" className="link-button" onClick={onReset}>
          Show the last 12 months for every service
        </button>
      </div>
    </form>
  );
}
