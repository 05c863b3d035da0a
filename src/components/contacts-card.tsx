// The school's office (phone, e-mail, hours) and the way to its help pages, as every error page ends:
// what a member stuck here can still do. Words come in already in the reader's language, so an error
// page (a client component) and a server page both show it.
export type ContactsCardProps = {
  contacts: { phone: string; email: string; hours: string };
  words: { title: string; phone: string; email: string; hours: string; helpLink: string };
};

export function ContactsCard({ contacts, words }: ContactsCardProps) {
  const { phone, email, hours } = contacts;
  return (
    <section
      className="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-4 text-left text-sm text-slate-700"
      data-testid="school-contacts"
    >
      <h2 className="font-medium text-slate-900">{words.title}</h2>
      {phone || email || hours ? (
        <dl className="mt-2 space-y-1">
          {phone ? (
            <div className="flex gap-2">
              <dt className="shrink-0 text-slate-500">{words.phone}</dt>
              <dd>
                <a href={`tel:${phone.replace(/[^0-9+]/g, "")}`} className="text-[var(--brand)] underline" data-testid="contacts-phone">
                  {phone}
                </a>
              </dd>
            </div>
          ) : null}
          {email ? (
            <div className="flex gap-2">
              <dt className="shrink-0 text-slate-500">{words.email}</dt>
              <dd className="break-all">
                <a href={`mailto:${email}`} className="text-[var(--brand)] underline" data-testid="contacts-email">
                  {email}
                </a>
              </dd>
            </div>
          ) : null}
          {hours ? (
            <div className="flex gap-2">
              <dt className="shrink-0 text-slate-500">{words.hours}</dt>
              <dd data-testid="contacts-hours">{hours}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <a href="/help" className="mt-3 inline-block text-[var(--brand)] underline" data-testid="contacts-help-link">
        {words.helpLink}
      </a>
    </section>
  );
}
