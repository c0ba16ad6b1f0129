import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  OrganisationSettingsDocument,
  UpdateOrganisationSettingsDocument,
  type OrganisationKind,
  type SessionFormat,
  type SupervisionInterval,
} from '../gql/graphql';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { ErrorState, LoadingState } from '../shell/states';
import { TextField } from '../shell/text-field';
import { useDocumentTitle } from '../shell/use-document-title';
import { audienceOf } from '../shell/navigation';
import { useViewer } from '../shell/viewer-context';
import { ChoiceGroup, SelectField, SubmitButton } from './fields';
import {
  currencyLabel,
  currencyOptions,
  FORMAT_HINTS,
  FORMAT_LABELS,
  FORMATS,
  formatMoney,
  INTERVAL_LABELS,
  INTERVALS,
  timeZoneLabel,
  timeZoneOptions,
} from './labels';
import {
  changedSettings,
  LIMITS,
  SETTINGS_FIELDS,
  settingsFieldsFor,
  settingsProblems,
  settingsToParsed,
  settingsToValues,
  validateSettings,
  type OrganisationSettings,
  type SettingsField,
  type SettingsFieldErrors,
  type SettingsValues,
} from './settings-form';

/** The published defaults (metrics.md, "Cost case"), stated with the API's own account of them. */
export const DEFAULT_SUPERVISION_COST = 563;
export const DEFAULT_RECRUITMENT_COST = 1612;

const TITLE = 'Organisation settings';

/**
 * The organisation's settings: a form for admins, a read-only summary for everyone else.
 * A commissioner organisation is shown only the settings that apply to it
 * (`settingsFieldsFor`); a provider every setting.
 */
export function OrganisationSettingsSection() {
  const { role, organisation } = useViewer();
  const { data, error, refetch } = useQuery(OrganisationSettingsDocument);
  const settings = data?.organisationSettings;
  const canEdit = role === 'ORG_ADMIN';

  return (
    <section aria-labelledby="organisation-settings-heading">
      <h2 id="organisation-settings-heading">{TITLE}</h2>
      {settings ? (
        canEdit ? (
          <SettingsForm settings={settings} kind={organisation.kind} />
        ) : (
          <SettingsSummary settings={settings} kind={organisation.kind} />
        )
      ) : error ? (
        <>
          <TitleOnly />
          <ErrorState error={error} onRetry={() => void refetch().catch(() => undefined)} />
        </>
      ) : (
        <>
          <TitleOnly />
          <LoadingState label="Loading the organisation’s settings" />
        </>
      )}
    </section>
  );
}

function TitleOnly() {
  useDocumentTitle(TITLE);
  return null;
}

function CostSource({ source }: { source: string }) {
  return (
    <div className="inset-text" id="cost-defaults-source">
      <h3 className="inset-text__title">Where the default figures come from</h3>
      <p>
        Unless you set your own, Holdspace uses {formatMoney(DEFAULT_SUPERVISION_COST, 'GBP')} per
        worker per year for supervision and {formatMoney(DEFAULT_RECRUITMENT_COST, 'GBP')} to
        recruit a replacement for each leaver.
      </p>
      <p>{source}</p>
    </div>
  );
}

const COUNTED_FORMATS_HINT =
  'Someone is in date for supervision when they have attended a held session in one of these formats within their supervision interval. Peer supervision and group case consultation are always recorded and reported, but by default they do not count: they complement one-to-one and group supervision rather than replace it.';

const SUPPRESSION_HINT = `Figures shown to commissioners, and to analysts (who never see individual records), are hidden when fewer than this many staff are behind them, so that nobody can be identified. A whole number from ${LIMITS.suppressionMin} to ${LIMITS.suppressionMax}; 5 is usual.`;

const COMMISSIONER_SUPPRESSION_HINT = `Figures of the services that providers share with you are hidden when fewer than this many staff are behind them, so that nobody can be identified. Where a provider’s own threshold is higher, theirs is used. A whole number from ${LIMITS.suppressionMin} to ${LIMITS.suppressionMax}; 5 is usual.`;

const TIME_ZONE_HINT =
  'Holdspace uses it for ‘today’, for every date, and for the times in the audit log.';

const COMMISSIONER_TIME_ZONE_HINT =
  'Holdspace uses it for ‘today’, and so for the latest complete month you can compare, and for the times in the audit log.';

/** Why a commissioner organisation has fewer settings than a provider. */
export const COMMISSIONER_SETTINGS_NOTE =
  'Supervision, cost case and data retention settings are not shown: they apply to organisations that record their own staff and supervision. The figures of the services shared with you use each provider’s own settings.';

const RETENTION_HINT = `In months after a leaver’s last day, from ${LIMITS.retentionMin} to ${LIMITS.retentionMax}. After that an admin can erase their name, reference and role title. Their dates stay, so your figures do not change.`;

interface Problems {
  fields: SettingsFieldErrors;
  form: string[];
  /** Counts failed saves, so the summary is a new list (and takes focus) each time. */
  attempt: number;
}

const NO_PROBLEMS: Problems = { fields: {}, form: [], attempt: 0 };

function SettingsForm({
  settings,
  kind,
}: {
  settings: OrganisationSettings;
  kind: OrganisationKind;
}) {
  const fields = settingsFieldsFor(kind);
  const shows = (field: SettingsField) => fields.includes(field);
  const commissioner = audienceOf(kind) === 'COMMISSIONER';
  const [values, setValues] = useState<SettingsValues>(() => settingsToValues(settings));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [notice, setNotice] = useState('');
  const [update, { loading }] = useMutation(UpdateOrganisationSettingsDocument);

  const summary = useMemo<ErrorSummaryItem[]>(() => {
    const items: ErrorSummaryItem[] = problems.form.map((message) => ({ message }));
    for (const field of SETTINGS_FIELDS) {
      const message = problems.fields[field];
      if (message) items.push({ message, fieldId: field });
    }
    return items;
  }, [problems]);

  useDocumentTitle(TITLE, summary.length > 0);

  const zones = useMemo(() => timeZoneOptions(values.timeZone), [values.timeZone]);
  const currencies = useMemo(() => currencyOptions(values.currency), [values.currency]);

  function fail(next: Omit<Problems, 'attempt'>) {
    setNotice('');
    setProblems((previous) => ({ ...next, attempt: previous.attempt + 1 }));
  }

  function set<K extends keyof SettingsValues>(field: K, value: SettingsValues[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  const text = (field: keyof SettingsValues) => (event: { target: { value: string } }) =>
    set(field, event.target.value as never);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const { errors, parsed } = validateSettings(values, fields);
    if (!parsed) {
      fail({ fields: errors, form: [] });
      return;
    }
    const input = changedSettings(settingsToParsed(settings), parsed);
    if (Object.keys(input).length === 0) {
      setProblems((previous) => ({ ...NO_PROBLEMS, attempt: previous.attempt }));
      setNotice('There were no changes to save.');
      return;
    }
    // The header shows the organisation's name; the shell reads it from the viewer.
    const viewerChanged = 'name' in input || 'timeZone' in input || 'currency' in input;
    try {
      const result = await update({
        variables: { input },
        update(cache, { data }) {
          if (data) {
            cache.writeQuery({
              query: OrganisationSettingsDocument,
              data: { organisationSettings: data.updateOrganisationSettings },
            });
          }
        },
        refetchQueries: viewerChanged ? ['Viewer'] : [],
      });
      const saved = result.data?.updateOrganisationSettings;
      if (saved) setValues(settingsToValues(saved));
    } catch (error) {
      const { fields, form } = settingsProblems(error);
      fail({ fields, form });
      return;
    }
    setProblems((previous) => ({ ...NO_PROBLEMS, attempt: previous.attempt }));
    setNotice('Your changes have been saved.');
  }

  return (
    <>
      <ErrorSummary items={summary} />
      <div className="notice" role="status">
        {notice ? <p>{notice}</p> : null}
      </div>
      {commissioner ? <p id="settings-scope-note">{COMMISSIONER_SETTINGS_NOTE}</p> : null}
      <form className="form settings-form" noValidate onSubmit={handleSubmit}>
        <TextField
          id="name"
          label="Organisation name"
          autoComplete="organization"
          value={values.name}
          onChange={text('name')}
          error={problems.fields.name}
        />
        <SelectField
          id="timeZone"
          label="Time zone"
          hint={commissioner ? COMMISSIONER_TIME_ZONE_HINT : TIME_ZONE_HINT}
          value={values.timeZone}
          onChange={text('timeZone')}
          error={problems.fields.timeZone}
          options={zones.map((zone) => [zone, timeZoneLabel(zone)] as const)}
        />
        {shows('defaultInterval') ? (
          <SelectField
            id="defaultInterval"
            label="Default supervision interval"
            hint="How often someone with no supervision agreement should have supervision."
            value={values.defaultInterval}
            onChange={(event) => set('defaultInterval', event.target.value as SupervisionInterval)}
            error={problems.fields.defaultInterval}
            options={INTERVALS.map((interval) => [interval, INTERVAL_LABELS[interval]] as const)}
          />
        ) : null}
        {shows('countedFormats') ? (
          <ChoiceGroup
            id="countedFormats"
            type="checkbox"
            legend="Session formats that count"
            hint={COUNTED_FORMATS_HINT}
            error={problems.fields.countedFormats}
            choices={FORMATS.map((format) => ({
              value: format,
              label: FORMAT_LABELS[format],
              hint: FORMAT_HINTS[format],
            }))}
            value={values.countedFormats}
            onChange={(formats) => set('countedFormats', formats as SessionFormat[])}
          />
        ) : null}

        {shows('supervisionCostPerWorkerYear') ? (
          <>
            <h3>Cost case figures</h3>
            <p>
              The cost case sets what supervision costs against what staff turnover costs. Use your
              organisation’s own figures where you have them.
            </p>
            <CostSource source={settings.costDefaultsSource} />
            <SelectField
              id="currency"
              label="Currency"
              hint="The currency of the two costs below."
              value={values.currency}
              onChange={text('currency')}
              error={problems.fields.currency}
              options={currencies}
            />
            <TextField
              id="supervisionCostPerWorkerYear"
              label="Supervision cost per worker per year"
              hint={`In ${values.currency || 'your currency'}, for example 563.`}
              inputMode="decimal"
              spellCheck={false}
              className="input--width-10"
              value={values.supervisionCostPerWorkerYear}
              onChange={text('supervisionCostPerWorkerYear')}
              error={problems.fields.supervisionCostPerWorkerYear}
            />
            <TextField
              id="recruitmentCostPerLeaver"
              label="Recruitment cost per leaver"
              hint={`What it costs to recruit a replacement for someone who leaves, in ${values.currency || 'your currency'}, for example 1612.`}
              inputMode="decimal"
              spellCheck={false}
              className="input--width-10"
              value={values.recruitmentCostPerLeaver}
              onChange={text('recruitmentCostPerLeaver')}
              error={problems.fields.recruitmentCostPerLeaver}
            />
          </>
        ) : null}

        <h3>Privacy</h3>
        <TextField
          id="suppressionThreshold"
          label="Small-number threshold"
          hint={commissioner ? COMMISSIONER_SUPPRESSION_HINT : SUPPRESSION_HINT}
          inputMode="numeric"
          spellCheck={false}
          className="input--width-4"
          value={values.suppressionThreshold}
          onChange={text('suppressionThreshold')}
          error={problems.fields.suppressionThreshold}
        />
        {shows('retentionMonths') ? (
          <TextField
            id="retentionMonths"
            label="How long to keep leavers’ personal data, in months"
            hint={RETENTION_HINT}
            inputMode="numeric"
            spellCheck={false}
            className="input--width-4"
            value={values.retentionMonths}
            onChange={text('retentionMonths')}
            error={problems.fields.retentionMonths}
          />
        ) : null}

        <SubmitButton busy={loading} busyLabel="Saving…">
          Save settings
        </SubmitButton>
      </form>
    </>
  );
}

/** For members who may read the settings but not change them. */
export function SettingsSummary({
  settings,
  kind,
}: {
  settings: OrganisationSettings;
  kind: OrganisationKind;
}) {
  useDocumentTitle(TITLE);
  const fields = settingsFieldsFor(kind);
  const commissioner = audienceOf(kind) === 'COMMISSIONER';
  const counted = FORMATS.filter((f) => settings.countedFormats.includes(f));
  const all: Record<SettingsField, [string, string]> = {
    name: ['Organisation name', settings.name],
    timeZone: ['Time zone', timeZoneLabel(settings.timeZone)],
    defaultInterval: ['Default supervision interval', INTERVAL_LABELS[settings.defaultInterval]],
    countedFormats: ['Session formats that count', counted.map((f) => FORMAT_LABELS[f]).join(', ')],
    currency: ['Currency', currencyLabel(settings.currency)],
    supervisionCostPerWorkerYear: [
      'Supervision cost per worker per year',
      formatMoney(settings.supervisionCostPerWorkerYear, settings.currency),
    ],
    recruitmentCostPerLeaver: [
      'Recruitment cost per leaver',
      formatMoney(settings.recruitmentCostPerLeaver, settings.currency),
    ],
    suppressionThreshold: ['Small-number threshold', `${settings.suppressionThreshold} staff`],
    retentionMonths: [
      'How long leavers’ personal data is kept',
      `${settings.retentionMonths} months`,
    ],
  };
  const rows = SETTINGS_FIELDS.filter((field) => fields.includes(field)).map((field) => all[field]);
  return (
    <>
      <p>Only an organisation admin can change these settings.</p>
      {commissioner ? <p id="settings-scope-note">{COMMISSIONER_SETTINGS_NOTE}</p> : null}
      <dl className="summary-list">
        {rows.map(([key, value]) => (
          <div className="summary-list__row" key={key}>
            <dt className="summary-list__key">{key}</dt>
            <dd className="summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      {fields.includes('countedFormats') ? <p className="hint">{COUNTED_FORMATS_HINT}</p> : null}
      {fields.includes('supervisionCostPerWorkerYear') ? (
        <CostSource source={settings.costDefaultsSource} />
      ) : null}
    </>
  );
}
