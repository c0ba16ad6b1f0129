import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  ChangeMemberRoleDocument,
  InviteMemberDocument,
  MembersDocument,
  RemoveMemberDocument,
  RenewInvitationDocument,
  type MemberFieldsFragment,
  type Role,
} from '../gql/graphql';
import { csvFileName, downloadCsv, toCsv } from '../shell/csv';
import { todayIn } from '../shell/date-input';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { ROLE_LABELS } from '../shell/navigation';
import { EmptyState, ErrorState, LoadingState } from '../shell/states';
import { TextField } from '../shell/text-field';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import type { FormProblems } from './api-problems';
import { formProblems } from './api-problems';
import { ChoiceGroup, SubmitButton } from './fields';
import { ROLE_HINTS, rolesFor } from './labels';
import {
  INVITE_FIELDS,
  inviteProblems,
  ROLE_FIELDS,
  roleProblems,
  servicesFor,
  validateInvite,
  validateRoleChange,
  type InviteField,
  type InviteValues,
  type RoleField,
  type RoleValues,
} from './member-form';
import { Pager, useCursorPages } from './pager';

type Member = MemberFieldsFragment;
interface Service {
  id: string;
  name: string;
}

export const MEMBERS_PAGE_SIZE = 50;
const TITLE = 'Users';

/** How long an invitation link works (the API's INVITATION_DAYS). */
export const INVITATION_DAYS = 7;

/** The address a person opens to accept an invitation. */
export function invitationLink(token: string, origin = window.location.origin): string {
  return `${origin}/accept-invitation?token=${encodeURIComponent(token)}`;
}

/** "a supervisor", "an organisation admin". */
function aRole(role: Role): string {
  const label = ROLE_LABELS[role].toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

function managedServicesText(member: Member, services: readonly Service[]): string {
  if (member.role !== 'SERVICE_MANAGER') return '';
  const names = member.managedServiceIds
    .map((id) => services.find((s) => s.id === id)?.name)
    .filter((name): name is string => Boolean(name))
    .sort((a, b) => a.localeCompare(b, 'en-GB'));
  return names.length > 0 ? names.join(', ') : 'None yet';
}

function statusText(member: Member): string {
  return member.invitationPending ? 'Invitation pending' : 'Active';
}

type Panel =
  | { kind: 'invite' }
  | { kind: 'role'; member: Member }
  | { kind: 'remove'; member: Member }
  | { kind: 'link'; member: Member; token: string | null; renewed: boolean };

/** The organisation's members: invite, change roles, remove, renew invitation links. */
export function UsersSection() {
  const { organisation, user } = useViewer();
  const pages = useCursorPages();
  const { data, previousData, error, loading, refetch } = useQuery(MembersDocument, {
    variables: { page: { first: MEMBERS_PAGE_SIZE, after: pages.after } },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const members = shown?.members.nodes ?? [];
  const services = useMemo(
    () => [...(shown?.services ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    [shown?.services],
  );
  const roles = rolesFor(organisation.kind);

  const [panel, setPanel] = useState<Panel | null>(null);
  const [notice, setNotice] = useState('');
  const [formHasErrors, setFormHasErrors] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useDocumentTitle(TITLE, panel !== null && formHasErrors);

  function open(next: Panel, trigger?: HTMLElement | null) {
    returnFocus.current = trigger ?? null;
    setNotice('');
    setFormHasErrors(false);
    setPanel(next);
  }

  function close(message?: string) {
    setPanel(null);
    setFormHasErrors(false);
    if (message !== undefined) setNotice(message);
    // Back where the user was; or, when that button has gone, to the message.
    window.setTimeout(() => {
      const target = returnFocus.current;
      if (target && target.isConnected) target.focus();
      else if (message) noticeRef.current?.focus();
      else headingRef.current?.focus();
    }, 0);
  }

  const refetchMembers = () => void refetch().catch(() => undefined);

  let content: ReactNode;
  if (!shown && error) {
    content = <ErrorState error={error} onRetry={refetchMembers} />;
  } else if (!shown) {
    content = <LoadingState label="Loading the organisation’s members" />;
  } else if (members.length === 0 && pages.pageNumber === 1) {
    content = (
      <EmptyState
        title="Nobody has been added yet"
        action={
          <button
            type="button"
            className="button"
            onClick={(event) => open({ kind: 'invite' }, event.currentTarget)}
          >
            Invite a member
          </button>
        }
      >
        <p>Invite the people who will use Holdspace, and choose what each of them can see.</p>
      </EmptyState>
    );
  } else {
    const header = ['Name', 'Email address', 'Role', 'Manages', 'Status'];
    const rows = members.map((m) => [
      m.user.displayName,
      m.user.email,
      ROLE_LABELS[m.role],
      managedServicesText(m, services),
      statusText(m),
    ]);
    content = (
      <>
        {error ? <ErrorState error={error} onRetry={refetchMembers} headingLevel={3} /> : null}
        <div className="table-actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              downloadCsv(
                csvFileName(`${organisation.name} members`, todayIn(organisation.timeZone)),
                toCsv(header, rows),
              )
            }
          >
            Export CSV
          </button>
        </div>
        <div className="table-wrapper" aria-busy={loading ? true : undefined}>
          <table className="table">
            <caption className="table__caption">
              Members of {organisation.name}
              {pages.pageNumber > 1 ? `, page ${pages.pageNumber}` : ''}
            </caption>
            <thead>
              <tr>
                {header.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member, index) => {
                const name = member.user.displayName;
                const isYou = member.user.id === user.id;
                return (
                  <tr key={member.membershipId}>
                    <td>
                      {name}
                      {isYou ? <span className="table__aside"> (you)</span> : null}
                    </td>
                    <td className="table__break">{member.user.email}</td>
                    <td>{ROLE_LABELS[member.role]}</td>
                    <td>{rows[index]?.[3]}</td>
                    <td>
                      <span
                        className={
                          member.invitationPending ? 'tag tag--pending' : 'tag tag--active'
                        }
                      >
                        {statusText(member)}
                      </span>
                    </td>
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="link-button"
                          onClick={(event) => open({ kind: 'role', member }, event.currentTarget)}
                        >
                          Change role<span className="visually-hidden"> of {name}</span>
                        </button>
                        {member.invitationPending ? (
                          <RenewButton
                            member={member}
                            onRenewed={(token, renewed, trigger) =>
                              open({ kind: 'link', member: renewed, token, renewed: true }, trigger)
                            }
                            onFailed={(message) => {
                              setPanel(null);
                              setNotice(message);
                            }}
                          />
                        ) : null}
                        <button
                          type="button"
                          className="link-button link-button--warning"
                          onClick={(event) => open({ kind: 'remove', member }, event.currentTarget)}
                        >
                          Remove<span className="visually-hidden"> {name}</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Pager
          noun="members"
          pageNumber={pages.pageNumber}
          pageSize={MEMBERS_PAGE_SIZE}
          shown={members.length}
          totalCount={shown.members.totalCount}
          hasPrevious={pages.pageNumber > 1}
          hasNext={shown.members.pageInfo.hasNextPage}
          onPrevious={pages.previous}
          onNext={() => {
            const cursor = shown.members.pageInfo.endCursor;
            if (cursor) pages.next(cursor);
          }}
        />
      </>
    );
  }

  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading" ref={headingRef} tabIndex={-1}>
        {TITLE}
      </h2>
      <p>
        Everyone who can sign in to {organisation.name}, and what their role lets them see. A person
        can belong to several organisations, with a role in each.
      </p>
      <div className="notice" role="status" ref={noticeRef} tabIndex={-1}>
        {notice ? <p>{notice}</p> : null}
      </div>
      {panel === null && shown && members.length > 0 ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={(event) => open({ kind: 'invite' }, event.currentTarget)}
          >
            Invite a member
          </button>
        </p>
      ) : null}
      {panel?.kind === 'invite' ? (
        <InvitePanel
          roles={roles}
          services={services}
          onErrorsChange={setFormHasErrors}
          onCancel={() => close()}
          onInvited={(member, token) => {
            open({ kind: 'link', member, token, renewed: false }, null);
          }}
        />
      ) : null}
      {panel?.kind === 'link' ? (
        <InvitationLinkPanel
          member={panel.member}
          token={panel.token}
          renewed={panel.renewed}
          organisationName={organisation.name}
          onDone={() =>
            close(
              panel.renewed
                ? ''
                : `${panel.member.user.displayName} has been added to ${organisation.name}.`,
            )
          }
        />
      ) : null}
      {panel?.kind === 'role' ? (
        <RolePanel
          member={panel.member}
          isYou={panel.member.user.id === user.id}
          roles={roles}
          services={services}
          onErrorsChange={setFormHasErrors}
          onCancel={() => close()}
          onChanged={(member) => {
            close(`${member.user.displayName} is now ${aRole(member.role)}.`);
          }}
        />
      ) : null}
      {panel?.kind === 'remove' ? (
        <RemovePanel
          member={panel.member}
          isYou={panel.member.user.id === user.id}
          organisationName={organisation.name}
          onErrorsChange={setFormHasErrors}
          onCancel={() => close()}
          onRemoved={(member) => {
            returnFocus.current = null;
            close(`${member.user.displayName} has been removed from ${organisation.name}.`);
          }}
        />
      ) : null}
      {content}
    </section>
  );
}

/** A panel above the member list: a heading that takes focus when it opens, then its content. */
function PanelFrame({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="panel">
      <h3 className="panel__title" ref={ref} tabIndex={-1}>
        {title}
      </h3>
      {children}
    </div>
  );
}

interface Problems<F extends string> extends FormProblems<F> {
  attempt: number;
}

/** Problems state for a form, the summary built from it, and errors reported to the page title. */
function useFormProblems<F extends string>(
  fields: readonly F[],
  onErrorsChange: (has: boolean) => void,
) {
  const [problems, setProblems] = useState<Problems<F>>({ fields: {}, form: [], attempt: 0 });
  const summary = useMemo<ErrorSummaryItem[]>(() => {
    const items: ErrorSummaryItem[] = problems.form.map((message) => ({ message }));
    for (const field of fields) {
      const message = problems.fields[field];
      if (message) items.push({ message, fieldId: field });
    }
    return items;
  }, [problems, fields]);
  useEffect(() => onErrorsChange(summary.length > 0), [summary, onErrorsChange]);
  const fail = (next: FormProblems<F>) =>
    setProblems((previous) => ({ ...next, attempt: previous.attempt + 1 }));
  return { problems, summary, fail };
}

const NO_FIELDS: readonly never[] = [];

function serviceChoices(services: readonly Service[]) {
  return services.map((service) => ({ value: service.id, label: service.name }));
}

function roleChoices(roles: readonly Role[]) {
  return roles.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: ROLE_HINTS[role] }));
}

function ServicesQuestion({
  id,
  services,
  value,
  onChange,
  error,
}: {
  id: string;
  services: readonly Service[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  if (services.length === 0) {
    return (
      <p className="hint">
        This organisation has no services yet, so a service manager will manage none until you add
        services and give them some.
      </p>
    );
  }
  return (
    <ChoiceGroup
      id={id}
      type="checkbox"
      legend="Which services do they manage?"
      hint="They will see the staff, supervision and absence of these services only."
      error={error}
      choices={serviceChoices(services)}
      value={value}
      onChange={onChange}
    />
  );
}

function InvitePanel({
  roles,
  services,
  onErrorsChange,
  onCancel,
  onInvited,
}: {
  roles: readonly Role[];
  services: readonly Service[];
  onErrorsChange: (has: boolean) => void;
  onCancel: () => void;
  onInvited: (member: Member, token: string | null) => void;
}) {
  const [values, setValues] = useState<InviteValues>({
    email: '',
    displayName: '',
    role: '',
    managedServiceIds: [],
  });
  const { problems, summary, fail } = useFormProblems<InviteField>(INVITE_FIELDS, onErrorsChange);
  const [invite, { loading }] = useMutation(InviteMemberDocument);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const errors = validateInvite(values, roles, services.length > 0);
    if (Object.keys(errors).length > 0 || !values.role) {
      fail({ fields: errors, form: [] });
      return;
    }
    try {
      const result = await invite({
        variables: {
          input: {
            email: values.email.trim(),
            displayName: values.displayName.trim(),
            role: values.role,
            managedServiceIds: servicesFor(values.role, values.managedServiceIds),
          },
        },
        // The list shows the new member before the link does.
        refetchQueries: ['Members'],
        awaitRefetchQueries: true,
      });
      const payload = result.data?.inviteMember;
      if (payload) onInvited(payload.member, payload.invitationToken ?? null);
    } catch (error) {
      fail(inviteProblems(error));
    }
  }

  return (
    <PanelFrame title="Invite a member">
      <ErrorSummary items={summary} />
      <p>
        You will get a link to send them. They open it to set a password, then sign in. If they
        already use Holdspace with another organisation, they sign in as they are.
      </p>
      <form className="form" noValidate onSubmit={handleSubmit}>
        <TextField
          id="inviteEmail"
          label="Email address"
          hint="They will sign in with this address."
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
          error={problems.fields.inviteEmail}
        />
        <TextField
          id="inviteName"
          label="Full name"
          autoComplete="off"
          value={values.displayName}
          onChange={(e) => setValues((v) => ({ ...v, displayName: e.target.value }))}
          error={problems.fields.inviteName}
        />
        <ChoiceGroup
          id="inviteRole"
          type="radio"
          legend="Role"
          hint="What they can see and do in this organisation. You can change it later."
          error={problems.fields.inviteRole}
          choices={roleChoices(roles)}
          value={values.role ? [values.role] : []}
          onChange={([role]) => setValues((v) => ({ ...v, role: (role ?? '') as Role | '' }))}
        />
        {values.role === 'SERVICE_MANAGER' ? (
          <ServicesQuestion
            id="inviteServices"
            services={services}
            value={values.managedServiceIds}
            onChange={(ids) => setValues((v) => ({ ...v, managedServiceIds: ids }))}
            error={problems.fields.inviteServices}
          />
        ) : null}
        <div className="button-group">
          <SubmitButton busy={loading} busyLabel="Inviting…">
            Invite member
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </PanelFrame>
  );
}

/** The one-time invitation link, with a button to copy it. */
function InvitationLinkPanel({
  member,
  token,
  renewed,
  organisationName,
  onDone,
}: {
  member: Member;
  token: string | null;
  renewed: boolean;
  organisationName: string;
  onDone: () => void;
}) {
  const name = member.user.displayName;
  const [copied, setCopied] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  if (token === null) {
    return (
      <PanelFrame title={`${name} has been added`}>
        <p>
          {name} ({member.user.email}) already has a Holdspace account, so there is no link to send.
          They can sign in with their own password and choose {organisationName}.
        </p>
        <button type="button" className="button" onClick={onDone}>
          Done
        </button>
      </PanelFrame>
    );
  }

  const link = invitationLink(token);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied. Paste it into a message to them.');
    } catch {
      inputRef.current?.select();
      setCopied('Your browser did not let Holdspace copy the link. It is selected: copy it now.');
    }
  }

  return (
    <PanelFrame title={renewed ? `New invitation link for ${name}` : `Invitation link for ${name}`}>
      <div className="warning-text">
        <span className="warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="warning-text__text">
          <span className="visually-hidden">Warning: </span>
          This link is shown only once. Copy it now: Holdspace keeps no copy and cannot show it
          again.
        </strong>
      </div>
      <p>
        Send it to {name} at {member.user.email} yourself, for example by email. It works once, for{' '}
        {INVITATION_DAYS} days.
        {renewed ? ' Any earlier link they were sent no longer works.' : ''} If it is lost or runs
        out, renew it from the list of members.
      </p>
      <div className="form-group">
        <label className="label" htmlFor="invitationLink">
          Invitation link
        </label>
        <input
          ref={inputRef}
          id="invitationLink"
          className="input input--code"
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="button-group">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          I have copied the link
        </button>
      </div>
      <div role="status" className="notice notice--inline">
        {copied ? <p>{copied}</p> : null}
      </div>
    </PanelFrame>
  );
}

function RenewButton({
  member,
  onRenewed,
  onFailed,
}: {
  member: Member;
  onRenewed: (token: string | null, member: Member, trigger: HTMLElement | null) => void;
  onFailed: (message: string) => void;
}) {
  const [renew, { loading }] = useMutation(RenewInvitationDocument);
  const ref = useRef<HTMLButtonElement>(null);
  async function handleClick() {
    if (loading) return;
    try {
      const result = await renew({
        variables: { membershipId: member.membershipId },
        refetchQueries: ['Members'],
        awaitRefetchQueries: true,
      });
      const payload = result.data?.renewInvitation;
      if (payload) onRenewed(payload.invitationToken ?? null, payload.member, ref.current);
    } catch (error) {
      onFailed(formProblems(error, () => undefined).form.join(' '));
    }
  }
  return (
    <button
      type="button"
      ref={ref}
      className="link-button"
      aria-disabled={loading ? true : undefined}
      onClick={() => void handleClick()}
    >
      {loading ? 'Renewing…' : 'Renew invitation link'}
      <span className="visually-hidden"> for {member.user.displayName}</span>
    </button>
  );
}

function RolePanel({
  member,
  isYou,
  roles,
  services,
  onErrorsChange,
  onCancel,
  onChanged,
}: {
  member: Member;
  isYou: boolean;
  roles: readonly Role[];
  services: readonly Service[];
  onErrorsChange: (has: boolean) => void;
  onCancel: () => void;
  onChanged: (member: Member) => void;
}) {
  const [values, setValues] = useState<RoleValues>({
    role: member.role,
    managedServiceIds: member.managedServiceIds,
  });
  const { problems, summary, fail } = useFormProblems<RoleField>(ROLE_FIELDS, onErrorsChange);
  const [change, { loading }] = useMutation(ChangeMemberRoleDocument);
  const name = member.user.displayName;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const errors = validateRoleChange(values, roles, services.length > 0);
    if (Object.keys(errors).length > 0 || !values.role) {
      fail({ fields: errors, form: [] });
      return;
    }
    try {
      const result = await change({
        variables: {
          membershipId: member.membershipId,
          input: {
            role: values.role,
            managedServiceIds: servicesFor(values.role, values.managedServiceIds),
          },
        },
        // The list shows the new role before the message does; your own role
        // decides which pages you see.
        refetchQueries: isYou ? ['Members', 'Viewer'] : ['Members'],
        awaitRefetchQueries: true,
      });
      const changed = result.data?.changeMemberRole;
      if (changed) onChanged(changed);
    } catch (error) {
      fail(roleProblems(error));
    }
  }

  return (
    <PanelFrame title={isYou ? 'Change your role' : `Change the role of ${name}`}>
      <ErrorSummary items={summary} />
      {isYou ? (
        <div className="warning-text">
          <span className="warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="warning-text__text">
            <span className="visually-hidden">Warning: </span>
            If you stop being an organisation admin, you will no longer see Settings or the audit
            log.
          </strong>
        </div>
      ) : null}
      <form className="form" noValidate onSubmit={handleSubmit}>
        <ChoiceGroup
          id="memberRole"
          type="radio"
          legend={isYou ? 'Your role' : `Role of ${name}`}
          error={problems.fields.memberRole}
          choices={roleChoices(roles)}
          value={values.role ? [values.role] : []}
          onChange={([role]) => setValues((v) => ({ ...v, role: (role ?? '') as Role | '' }))}
        />
        {values.role === 'SERVICE_MANAGER' ? (
          <ServicesQuestion
            id="memberServices"
            services={services}
            value={values.managedServiceIds}
            onChange={(ids) => setValues((v) => ({ ...v, managedServiceIds: ids }))}
            error={problems.fields.memberServices}
          />
        ) : null}
        <div className="button-group">
          <SubmitButton busy={loading} busyLabel="Saving…">
            Save role
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </PanelFrame>
  );
}

function RemovePanel({
  member,
  isYou,
  organisationName,
  onErrorsChange,
  onCancel,
  onRemoved,
}: {
  member: Member;
  isYou: boolean;
  organisationName: string;
  onErrorsChange: (has: boolean) => void;
  onCancel: () => void;
  onRemoved: (member: Member) => void;
}) {
  const { summary, fail } = useFormProblems<never>(NO_FIELDS, onErrorsChange);
  const [remove, { loading }] = useMutation(RemoveMemberDocument);
  const name = member.user.displayName;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    try {
      await remove({
        variables: { membershipId: member.membershipId },
        refetchQueries: isYou ? ['Members', 'Viewer'] : ['Members'],
        awaitRefetchQueries: true,
      });
      onRemoved(member);
    } catch (error) {
      // The last admin cannot be removed: the API says so (CONFLICT), in its own words.
      fail(formProblems(error, () => undefined));
    }
  }

  return (
    <PanelFrame title={isYou ? `Remove yourself from ${organisationName}?` : `Remove ${name}?`}>
      <ErrorSummary items={summary} />
      <p>
        {isYou ? 'You' : `${name} (${member.user.email})`} will no longer be able to see anything in{' '}
        {organisationName}. {isYou ? 'Your' : 'Their'} Holdspace account and any other organisations{' '}
        {isYou ? 'you belong' : 'they belong'} to are not affected.
      </p>
      <p>
        Records {isYou ? 'you' : 'they'} added stay, and the audit log keeps what{' '}
        {isYou ? 'you' : 'they'} did.
        {member.invitationPending ? ' Their invitation link stops working.' : ''}
      </p>
      <form noValidate onSubmit={handleSubmit}>
        <div className="button-group">
          <SubmitButton busy={loading} busyLabel="Removing…" className="button button--warning">
            {isYou ? 'Yes, remove me' : `Yes, remove ${name}`}
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </PanelFrame>
  );
}
