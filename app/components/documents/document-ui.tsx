import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { StoredDocument } from "~/components/documents/live-document";
import { useSubmitting } from "~/components/console/form-page";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, FieldErrors } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { documentDetailsSchema, hubDocumentSchema, versionNameSchema } from "~/models/document-fields";
import type { Visibility } from "~/models/visibility";
import { formatDateTime } from "~/utils/format";
import { useSchemaForm } from "~/utils/use-schema-form";

// The pieces the console's and the hub's document pages share.

const linkClass =
  "font-medium text-blue-700 underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600";

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  return visibility === "internal" ? <Badge tone="internal">Internal</Badge> : <Badge tone="success">In the customer hub</Badge>;
}

type Marked = Array<{ text: string; match: boolean }>;

/** Text with a search's matches marked; React escapes every run, so user content stays text. */
export function MarkedText({ parts }: { parts: Marked }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

type Summary = {
  id: string;
  title: string;
  visibility: Visibility;
  updatedAt: Date;
  lastEditedBy: string | null;
  /** A search result's title and excerpt with its matches. */
  titleParts?: Marked;
  excerpt?: Marked;
};

export function DocumentList({
  documents,
  hrefFor,
  showVisibility,
  empty,
}: {
  documents: Summary[];
  hrefFor: (id: string) => string;
  showVisibility: boolean;
  empty: ReactNode;
}) {
  if (documents.length === 0)
    return <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">{empty}</div>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Documents">
      {documents.map((document) => (
        <li key={document.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
          <Link to={hrefFor(document.id)} className={linkClass}>
            {document.titleParts ? <MarkedText parts={document.titleParts} /> : document.title}
          </Link>
          {showVisibility ? <VisibilityBadge visibility={document.visibility} /> : null}
          <span className="text-sm text-slate-600 sm:ml-auto">
            Updated {formatDateTime(document.updatedAt)}
            {document.lastEditedBy ? ` · last edited by ${document.lastEditedBy}` : ""}
          </span>
          {document.excerpt?.length ? (
            <p className="w-full break-words text-sm text-slate-700">
              <MarkedText parts={document.excerpt} />
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const visibilityOptions = [
  { value: "customer", label: "Customer-visible: your team and the customer's stakeholders" },
  { value: "internal", label: "Internal: your team only" },
] as const;

/** The console's title-and-visibility form: creating a document and changing its details. */
export function DocumentDetailsForm({
  id,
  intent,
  lastResult,
  defaultValue,
  submitLabel,
  pendingLabel,
}: {
  id: string;
  intent: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: { title: string; visibility: Visibility };
  submitLabel: string;
  pendingLabel: string;
}) {
  const submitting = useSubmitting(intent);
  const [form, fields] = useSchemaForm(documentDetailsSchema, { id, lastResult, defaultValue });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <Field
        label="Title"
        errors={fields.title.errors}
        inputProps={{
          id: fields.title.id,
          name: fields.title.name,
          required: true,
          maxLength: 120,
          autoComplete: "off",
          defaultValue: fields.title.initialValue,
        }}
      />
      <SelectField
        label="Who sees it"
        errors={fields.visibility.errors}
        options={visibilityOptions}
        selectProps={{
          id: fields.visibility.id,
          name: fields.visibility.name,
          required: true,
          defaultValue: fields.visibility.initialValue,
        }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={submitting} aria-busy={submitting || undefined}>
          {submitting ? pendingLabel : submitLabel}
        </Button>
        <p role="status" className="text-sm text-green-800">
          {!submitting && lastResult?.status === "success" ? "Saved." : ""}
        </p>
      </div>
    </Form>
  );
}

/** A stakeholder's new document: a title only, it is always customer-visible. */
export function HubNewDocumentForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const submitting = useSubmitting();
  const [form, fields] = useSchemaForm(hubDocumentSchema, { id: "new-document", lastResult });
  return (
    <Form method="post" className="flex flex-wrap items-end gap-3" {...getFormProps(form)}>
      <FieldErrors id={form.errorId} errors={form.errors} />
      <div className="min-w-0 flex-1 basis-60">
        <Field
          label="Title"
          hint="Everyone on your team and the vendor's team can read and edit it."
          errors={fields.title.errors}
          inputProps={{
            id: fields.title.id,
            name: fields.title.name,
            required: true,
            maxLength: 120,
            autoComplete: "off",
            defaultValue: fields.title.initialValue,
          }}
        />
      </div>
      <Button type="submit" variant="brand" disabled={submitting} aria-busy={submitting || undefined} className="mb-5">
        {submitting ? "Creating…" : "Create document"}
      </Button>
    </Form>
  );
}

type Version = { id: string; name: string; createdAt: Date; createdBy: string | null };

export function VersionList({ versions, hrefFor }: { versions: Version[]; hrefFor: (id: string) => string }) {
  if (versions.length === 0) return <p className="text-sm text-slate-600">No versions yet. Save one to keep the document as it is now.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Saved versions">
      {versions.map((version) => (
        <li key={version.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2">
          <Link to={hrefFor(version.id)} className={linkClass}>
            {version.name}
          </Link>
          <span className="text-sm text-slate-600">
            {formatDateTime(version.createdAt)}
            {version.createdBy ? ` · ${version.createdBy}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

export const SAVE_VERSION_INTENT = "saveVersion";

/** Keeps the live content under a name; the answer says so politely once it is stored. */
export function SaveVersionForm({
  lastResult,
  saved,
  variant = "primary",
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  saved: string | null;
  variant?: "primary" | "brand";
}) {
  const submitting = useSubmitting(SAVE_VERSION_INTENT);
  const [form, fields] = useSchemaForm(versionNameSchema, { id: "save-version", lastResult });
  return (
    <Form method="post" className="space-y-2" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={SAVE_VERSION_INTENT} />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-56">
          <Field
            label="Version name"
            errors={fields.name.errors}
            inputProps={{
              id: fields.name.id,
              name: fields.name.name,
              required: true,
              maxLength: 80,
              autoComplete: "off",
              placeholder: "After the kickoff call",
              defaultValue: fields.name.initialValue,
            }}
          />
        </div>
        <Button
          type="submit"
          variant={variant}
          disabled={submitting}
          aria-busy={submitting || undefined}
          className={fields.name.errors ? "mb-7" : undefined}
        >
          {submitting ? "Saving…" : "Save version"}
        </Button>
      </div>
      <p role="status" className="text-sm text-green-800">
        {saved ? `Saved the version “${saved}”.` : ""}
      </p>
    </Form>
  );
}

/** A stored version: its name, who kept it when, its content as stored, and (for editors) restoring it. */
export function VersionPage({
  back,
  documentTitle,
  version,
  restore,
}: {
  back: { to: string; label: string };
  documentTitle: string;
  version: Version & { contentHtml: string };
  restore: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <Link to={back.to} className="text-sm text-blue-700 underline-offset-4 hover:underline">
        ← {back.label}
      </Link>
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-600">Version of {documentTitle}</p>
        <h1 className="text-2xl font-semibold text-slate-900">{version.name}</h1>
        <p className="text-sm text-slate-600">
          Saved {formatDateTime(version.createdAt)}
          {version.createdBy ? ` by ${version.createdBy}` : ""}
        </p>
      </div>
      {restore}
      <Card className="p-0">
        <StoredDocument html={version.contentHtml} />
      </Card>
    </div>
  );
}

export function RestoreVersionButton({ name, variant = "primary" }: { name: string; variant?: "primary" | "brand" }) {
  const submitting = useSubmitting("restore");
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant={variant} disabled={submitting}>
          {submitting ? "Restoring…" : "Restore this version"}
        </Button>
      }
      title={`Restore “${name}”?`}
      description="The document goes back to this version for everyone editing it. What it says now is kept as a version first, so you can come back to it."
      confirm={
        <Form method="post">
          <input type="hidden" name="intent" value="restore" />
          {/* The dialog is portalled outside the hub's brand colours: the plain primary button. */}
          <Button type="submit" disabled={submitting}>
            Restore
          </Button>
        </Form>
      }
    />
  );
}

export function DeleteDocumentButton({ title }: { title: string }) {
  const submitting = useSubmitting("delete");
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="danger" disabled={submitting}>
          {submitting ? "Deleting…" : "Delete document"}
        </Button>
      }
      title={`Delete “${title}”?`}
      description="The document and all its saved versions are removed for your team and the customer. This cannot be undone."
      confirm={
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <Button type="submit" variant="danger" disabled={submitting}>
            Delete
          </Button>
        </Form>
      }
    />
  );
}
