// Line icons for the navigation, drawn on a 16-unit grid so they share one stroke weight.

const PATHS: Record<string, string> = {
  overview: "M2 9h4v5H2zM6 2h4v12H6zM10 6h4v8h-4z",
  data: "M8 2c3.3 0 6 .9 6 2s-2.7 2-6 2-6-.9-6-2 2.7-2 6-2zM2 4v8c0 1.1 2.7 2 6 2s6-.9 6-2V4M2 8c0 1.1 2.7 2 6 2s6-.9 6-2",
  demand: "M2 13l4-5 3 3 5-7M10 4h4v4",
  supply: "M1.5 5.5h8v6h-8zM9.5 7.5h3l2 2v2h-5M4 13.5a1 1 0 100-.01M12 13.5a1 1 0 100-.01",
  alignment: "M8 2v12M3 5h10M3 5l-1.5 4h3zM13 5l-1.5 4h3zM5 14h6",
  executive: "M3 14V6l5-4 5 4v8zM6.5 14v-4h3v4",
  monitor: "M1.5 8h3l2-5 3 10 2-5h3",
  import: "M8 2v8M5 7l3 3 3-3M2.5 11v2.5h11V11",
  hierarchy: "M6 2h4v3H6zM2 11h4v3H2zM10 11h4v3h-4zM8 5v3M4 11V8h8v3",
  forecast: "M1.5 12l3-4 3 2 2.5-3M10 7l4.5-3M10 7l4.5 1.5M1.5 14.5h13",
  review: "M2 2h12v12H2zM2 6h12M2 10h12M6 2v12M10 2v12",
};

export function NavIcon({ name }: { name: keyof typeof PATHS | string }) {
  return (
    <svg className="nav-icon" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d={PATHS[name] ?? PATHS.overview}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
