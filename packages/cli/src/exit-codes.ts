// Maps failures to exit codes and a one-line message: 2 for bad input, 3 for the environment,
// 1 for a bug (with its stack, since that is what a bug report needs).

import { AppError, EnvironmentError } from "@fulcrum/app";
import { describeIssue } from "@fulcrum/domain";

export function reportFailure(error: unknown): number {
  if (error instanceof AppError) {
    console.error(`fulcrum: ${error.message}`);
    for (const issue of error.details?.issues ?? []) console.error(`  ${describeIssue(issue)}`);
    const shown = error.details?.issues?.length ?? 0;
    const total = error.details?.issueCount ?? shown;
    if (total > shown) console.error(`  … and ${total - shown} more`);
    return 2;
  }
  if (error instanceof EnvironmentError) {
    console.error(`fulcrum: ${error.message}`);
    return 3;
  }
  console.error(error);
  return 1;
}
