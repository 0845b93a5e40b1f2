// Uploading a CSV or Excel file into one entity. The outcome is either what changed or the
// rejection report; a rejected file changes nothing, and the page says so in as many words.

import { canImport } from "@fulcrum/domain";
import { type FormEvent, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { entityFileUrl } from "../api/client";
import { useEntities, useImports, useMe, useUploadImport } from "../api/queries";
import type { EntityWithRows, ImportAccepted } from "../api/types";
import { ErrorReport } from "../components/error-report";
import { ImportLog } from "../components/import-log";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { Stat } from "../components/stat";
import { Tag } from "../components/tag";
import { formatCount } from "../format/numbers";
import { AREA_LABELS, AREA_ORDER } from "../stages/stage-config";

const ACCEPTED = /\.(csv|xlsx)$/i;

export function ImportPage() {
  const entities = useEntities();
  const me = useMe();
  const imports = useImports();
  const upload = useUploadImport();
  const [params, setParams] = useSearchParams();
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  if (entities.isPending) return <Loading />;
  if (entities.isError) return <ErrorMessage error={entities.error} />;

  const entityName = params.get("entity") ?? "";
  const entity = entities.data.find((e) => e.name === entityName);
  const labelOf = (name: string) => entities.data.find((e) => e.name === name)?.label ?? name;
  const allowed = me.data ? canImport(me.data.role) : true;
  const fileProblem = file && !ACCEPTED.test(file.name) ? "Choose a .csv or .xlsx file." : null;

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    upload.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (entity && file && !fileProblem) upload.mutate({ entity: entity.name, file });
  };
  const outcome = upload.data;

  return (
    <div className="page" data-testid="import-page">
      <PageHeader
        eyebrow={<Link to="/data">Data</Link>}
        title="Import data"
        description="Load a CSV or Excel file into one entity. Every row is checked first; if any row is wrong, nothing is written."
      />
      {!allowed ? (
        <div className="alert alert-warning" role="note">
          Your role can view data but not import it. Ask a planner or an administrator.
        </div>
      ) : null}
      <div className="columns columns-1-1">
        <Panel title="Upload">
          <form className="import-form" onSubmit={submit} data-testid="import-form">
            <label className="field">
              <span className="field-label">Entity</span>
              <select
                className="input"
                value={entityName}
                onChange={(e) => {
                  setParams(e.target.value ? { entity: e.target.value } : {}, { replace: true });
                  upload.reset();
                }}
                data-testid="import-entity"
              >
                <option value="">Choose an entity…</option>
                {AREA_ORDER.map((area) => (
                  <optgroup key={area} label={AREA_LABELS[area]}>
                    {entities.data
                      .filter((e) => e.area === area)
                      .map((e) => (
                        <option key={e.name} value={e.name}>
                          {e.label}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </label>
            <div className="field">
              <span className="field-label">File</span>
              <label
                className={dragging ? "dropzone dropzone-active" : "dropzone"}
                onDragOver={(e) => {
                  e.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={(e) => {
                  e.preventDefault();
                  setDragging(false);
                  chooseFile(e.dataTransfer.files[0] ?? null);
                }}
              >
                <input
                  ref={fileInput}
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  className="visually-hidden"
                  onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
                  data-testid="import-file"
                />
                {file ? (
                  <span className="dropzone-file">
                    <span className="code">{file.name}</span>
                    <span className="muted">{formatCount(Math.ceil(file.size / 1024))} KB</span>
                  </span>
                ) : (
                  <span className="muted">Drop a .csv or .xlsx file here, or click to choose one</span>
                )}
              </label>
              {fileProblem ? <span className="field-error">{fileProblem}</span> : null}
            </div>
            <div className="form-actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={!allowed || !entity || !file || Boolean(fileProblem) || upload.isPending}
                data-testid="import-submit"
              >
                {upload.isPending ? "Validating and importing…" : "Import"}
              </button>
              {file ? (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => {
                    chooseFile(null);
                    if (fileInput.current) fileInput.current.value = "";
                  }}
                >
                  Clear
                </button>
              ) : null}
            </div>
          </form>
        </Panel>
        <Panel title={entity ? `${entity.label}: expected columns` : "Expected columns"}>
          {entity ? (
            <ExpectedColumns entity={entity} />
          ) : (
            <p className="muted">Choose an entity to see its columns.</p>
          )}
        </Panel>
      </div>
      {upload.isError ? <ErrorMessage error={upload.error} title="The import could not run" /> : null}
      {outcome?.status === "imported" ? (
        <ImportSuccess outcome={outcome} label={labelOf(outcome.entity)} />
      ) : null}
      {outcome?.status === "rejected" ? (
        <ErrorReport
          fileName={outcome.fileName}
          entityLabel={labelOf(outcome.entity)}
          message={outcome.message}
          issueCount={outcome.issueCount}
          issues={outcome.issues}
        />
      ) : null}
      <Panel title="Recent imports" flush>
        {imports.data ? (
          <ImportLog runs={imports.data.slice(0, 10)} labelOf={labelOf} />
        ) : imports.isError ? (
          <ErrorMessage error={imports.error} />
        ) : (
          <Loading />
        )}
      </Panel>
    </div>
  );
}

function ExpectedColumns({ entity }: { entity: EntityWithRows }) {
  return (
    <div>
      <p className="muted">
        {entity.description} Rows are matched on <span className="code">{entity.key.join(" + ")}</span>: a
        matching row is updated, a new one inserted. Currently{" "}
        <span className="num">{formatCount(entity.rows)}</span> rows.
      </p>
      <table className="grid grid-plain">
        <thead>
          <tr>
            <th scope="col">Header</th>
            <th scope="col">Required</th>
            <th scope="col">Meaning</th>
            <th scope="col">Example</th>
          </tr>
        </thead>
        <tbody>
          {entity.columns.map((column) => (
            <tr key={column.name}>
              <td className="code">{column.name}</td>
              <td>
                {column.required ? <Tag tone="info">required</Tag> : <span className="muted">optional</span>}
              </td>
              <td>{column.description}</td>
              <td className="code">{column.example}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="panel-links">
        <a href={entityFileUrl(entity.name, "template", "csv")} download>
          Download CSV template
        </a>
        <a href={entityFileUrl(entity.name, "template", "xlsx")} download>
          Download Excel template
        </a>
      </div>
    </div>
  );
}

function ImportSuccess({ outcome, label }: { outcome: ImportAccepted; label: string }) {
  return (
    <section className="import-success" data-testid="import-success">
      <div className="import-success-head">
        <span className="success-icon" aria-hidden="true">
          ✓
        </span>
        <div>
          <h2 className="import-success-title">
            Imported {outcome.fileName} into {label}
          </h2>
          <p className="muted">
            All {formatCount(outcome.rows)} rows were valid. Importing the same file again changes nothing.
          </p>
        </div>
        <Link className="button button-small" to={`/data/${outcome.entity}`}>
          Open {label}
        </Link>
      </div>
      <div className="stats">
        <Stat label="Rows in file" value={formatCount(outcome.rows)} />
        <Stat label="Inserted" value={formatCount(outcome.inserted)} />
        <Stat label="Updated" value={formatCount(outcome.updated)} />
        <Stat label="Unchanged" value={formatCount(outcome.unchanged)} />
      </div>
    </section>
  );
}
