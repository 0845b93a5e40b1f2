// The data browser for one entity: server-side paging, search and sort kept in the URL (so a view
// can be shared or reloaded), values formatted by column type, and the entity's files to download.

import type { ColumnDef } from "@fulcrum/domain";
import { useMemo } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { entityFileUrl } from "../api/client";
import { useEntities, useEntityRows, useWorkspace } from "../api/queries";
import type { CompanyCurrency, EntityRow, EntityWithRows, RowsQuery } from "../api/types";
import { CellValue } from "../components/cell-value";
import { DataGrid, type GridColumn } from "../components/data-grid";
import { PageHeader } from "../components/page-header";
import { Pager } from "../components/pager";
import { ErrorMessage, Loading } from "../components/query-state";
import { SearchInput } from "../components/search-input";
import { columnUnit, isNumericType } from "../format/format-cell";
import { formatCount } from "../format/numbers";
import { AREA_LABELS } from "../stages/stage-config";

const PAGE_SIZES = [50, 100, 200, 500];
const FALLBACK_CURRENCY: CompanyCurrency = { code: "", minorDigits: 2 };

export function EntityBrowserPage() {
  const { entity: name = "" } = useParams();
  const entities = useEntities();
  if (entities.isPending) return <Loading />;
  if (entities.isError) return <ErrorMessage error={entities.error} />;
  const entity = entities.data.find((e) => e.name === name);
  if (!entity) {
    return (
      <div className="page">
        <PageHeader eyebrow="Data" title="Unknown entity" />
        <p>
          There is no entity named <span className="code">{name}</span>.{" "}
          <Link to="/data">See all entities</Link>.
        </p>
      </div>
    );
  }
  return <EntityBrowser key={entity.name} entity={entity} />;
}

function readQuery(params: URLSearchParams, entity: EntityWithRows): RowsQuery {
  const size = Number(params.get("size"));
  const limit = PAGE_SIZES.includes(size) ? size : 50;
  const page = Math.max(1, Math.floor(Number(params.get("page")) || 1));
  const sort = params.get("sort");
  return {
    search: params.get("q") ?? "",
    limit,
    offset: (page - 1) * limit,
    sort: sort && entity.columns.some((c) => c.name === sort) ? sort : null,
    dir: params.get("dir") === "desc" ? "desc" : "asc",
  };
}

function EntityBrowser({ entity }: { entity: EntityWithRows }) {
  const [params, setParams] = useSearchParams();
  const query = readQuery(params, entity);
  const rows = useEntityRows(entity.name, query);
  const currency = useWorkspace().data?.company.currency ?? FALLBACK_CURRENCY;

  const update = (changes: Record<string, string | null>) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === "") next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  };
  // Click cycles a column through ascending, descending and the table's natural (key) order.
  const onSort = (column: string) => {
    if (query.sort !== column) update({ sort: column, dir: "asc", page: null });
    else if (query.dir === "asc") update({ dir: "desc", page: null });
    else update({ sort: null, dir: null, page: null });
  };

  const columns = useMemo(() => gridColumns(entity, currency), [entity, currency]);
  const total = rows.data?.total ?? 0;

  return (
    <div className="page page-fill" data-testid="entity-browser">
      <PageHeader
        eyebrow={
          <>
            <Link to="/data">Data</Link> / {AREA_LABELS[entity.area]}
          </>
        }
        title={entity.label}
        description={entity.description}
        actions={<EntityFiles entity={entity.name} />}
      />
      <div className="toolbar">
        <SearchInput
          value={query.search}
          onSearch={(text) => update({ q: text, page: null })}
          placeholder={`Search ${entity.label.toLowerCase()}`}
        />
        <span className="toolbar-total" data-testid="row-total">
          {rows.data ? (
            <>
              <span className="num">{formatCount(total)}</span> {total === 1 ? "row" : "rows"}
              {query.search ? <> matching “{query.search}”</> : null}
            </>
          ) : null}
        </span>
        <span className="toolbar-spacer" />
        <span className="toolbar-key">
          Key <span className="code">{entity.key.join(" + ")}</span>
        </span>
        <label className="toolbar-size">
          Rows per page
          <select
            className="input input-small"
            value={query.limit}
            onChange={(e) => update({ size: e.target.value === "50" ? null : e.target.value, page: null })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.isError ? <ErrorMessage error={rows.error} /> : null}
      {rows.isPending ? (
        <Loading />
      ) : rows.data ? (
        <>
          <DataGrid
            label={entity.label}
            testId="entity-grid"
            columns={columns}
            rows={rows.data.rows}
            rowKey={(row, index) => entity.key.map((k) => String(row[k])).join("|") || String(index)}
            sort={query.sort ? { key: query.sort, dir: query.dir } : null}
            onSort={onSort}
            busy={rows.isPlaceholderData}
            firstRowNumber={query.offset + 1}
            empty={query.search ? `No rows match “${query.search}”.` : "This entity has no rows yet."}
          />
          <Pager
            offset={query.offset}
            limit={query.limit}
            total={total}
            onOffset={(offset) => update({ page: offset === 0 ? null : String(offset / query.limit + 1) })}
          />
        </>
      ) : null}
    </div>
  );
}

function gridColumns(entity: EntityWithRows, currency: CompanyCurrency): GridColumn<EntityRow>[] {
  return entity.columns.map((column) => {
    const unit = columnUnit(column.type, currency);
    return {
      key: column.name,
      header: (
        <span className={entity.key.includes(column.name) ? "col-key" : undefined}>
          {column.label}
          {unit ? <span className="num-unit">{unit}</span> : null}
        </span>
      ),
      description: describeColumn(column),
      align: isNumericType(column.type) ? "right" : column.type.kind === "boolean" ? "center" : "left",
      sortable: true,
      render: (row: EntityRow) => {
        const value = row[column.name] ?? null;
        if (column.references && value !== null && value !== "") {
          // A reference opens the referenced entity's browser searched for this code.
          return (
            <Link
              className="code ref-link"
              to={`/data/${column.references.entity}?q=${encodeURIComponent(String(value))}`}
            >
              {String(value)}
            </Link>
          );
        }
        return <CellValue type={column.type} value={value} currency={currency} />;
      },
    };
  });
}

function describeColumn(column: ColumnDef): string {
  const parts = [`${column.name}: ${column.description}`];
  if (column.required) parts.push("Required.");
  if (column.references) parts.push(`References ${column.references.entity}.`);
  return parts.join(" ");
}

function EntityFiles({ entity }: { entity: string }) {
  return (
    <div className="file-links">
      <span className="file-links-label">Template</span>
      <a className="button button-small" href={entityFileUrl(entity, "template", "csv")} download>
        CSV
      </a>
      <a className="button button-small" href={entityFileUrl(entity, "template", "xlsx")} download>
        XLSX
      </a>
      <span className="file-links-label">Export</span>
      <a
        className="button button-small"
        href={entityFileUrl(entity, "export", "csv")}
        download
        data-testid="export-csv"
      >
        CSV
      </a>
      <a className="button button-small" href={entityFileUrl(entity, "export", "xlsx")} download>
        XLSX
      </a>
      <Link className="button button-small button-primary" to={`/data/import?entity=${entity}`}>
        Import…
      </Link>
    </div>
  );
}
