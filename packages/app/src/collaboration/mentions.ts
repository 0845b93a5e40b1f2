// Which users a comment's text mentions: every `@username` in it. Pure, so the rule that decides
// who gets a comment in their inbox can be tested with literal strings.

/** Usernames are 2–32 of a-z, 0-9, dot, dash, underscore (auth-service's rule). */
const MENTION = /(^|[^\w@.])@([a-z0-9._-]+)/gi;

/**
 * The distinct usernames mentioned in `body`, lower-cased, in order of first mention. An `@` inside
 * a word (an e-mail address such as `dana@example.com`) is not a mention, and a trailing dot is the
 * sentence's, not the name's ("ask @sam." mentions sam).
 */
export function mentionedUsernames(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(MENTION)) {
    const name = (match[2] ?? "").toLowerCase().replace(/\.+$/, "");
    if (name.length > 0 && !names.includes(name)) names.push(name);
  }
  return names;
}
