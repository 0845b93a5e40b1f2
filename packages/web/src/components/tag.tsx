// Small status labels (enum values, stage statuses, import outcomes) with a calm colour per tone.

import type { ReactNode } from "react";

export type TagTone = "neutral" | "info" | "success" | "warning" | "danger" | "current";

export function Tag({
  children,
  tone = "neutral",
  title,
}: {
  children: ReactNode;
  tone?: TagTone;
  title?: string;
}) {
  return (
    <span className={`tag tag-${tone}`} title={title}>
      {children}
    </span>
  );
}
