// What every request handler can reach: the application and, once authenticated, the user.

import type { Fulcrum, JobQueue, User } from "@fulcrum/app";

export interface ServerEnv {
  Variables: {
    fulcrum: Fulcrum;
    jobs: JobQueue | undefined;
    user: User;
    sessionToken: string | undefined;
  };
}
