// A search box that reports its text after typing pauses, and at once on Enter or clear.

import { useEffect, useRef, useState } from "react";
import { useDebouncedValue } from "../hooks/use-debounced-value";

export interface SearchInputProps {
  readonly value: string;
  readonly onSearch: (text: string) => void;
  readonly placeholder?: string;
  readonly delay?: number;
}

export function SearchInput({ value, onSearch, placeholder = "Search", delay = 300 }: SearchInputProps) {
  const [text, setText] = useState(value);
  const settled = useDebouncedValue(text, delay);
  // The latest callback, so a re-render of the owner does not re-fire the search.
  const report = useRef(onSearch);
  report.current = onSearch;

  const current = useRef(value);
  current.current = value;

  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (settled !== current.current) report.current(settled);
    // Only a settled change of the text searches, not a change of `value` from outside.
  }, [settled]);

  return (
    <div className="search">
      <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        className="input search-input"
        value={text}
        placeholder={placeholder}
        aria-label={placeholder}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onSearch(text);
        }}
        data-testid="search-input"
      />
    </div>
  );
}
