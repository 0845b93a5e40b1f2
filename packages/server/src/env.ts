// What every request handler can reach: the application and, once authenticated, the user.

import type { Fulcrum, User } from "@fulcrum/app";

export interface ServerEnv {
  Variables: {
    fulcrum: Fulcrum;
    user: User;
    sessionToken: string | undefined;
  };
}
