import { describe, expect, it } from "vitest";
import { mentionedUsernames } from "./mentions";

describe("mentionedUsernames", () => {
  it("finds each @username once, in order, lower-cased", () => {
    expect(mentionedUsernames("@Sam can you check? cc @mia and @sam")).toEqual(["sam", "mia"]);
  });

  it("leaves the sentence's punctuation out of the name", () => {
    expect(mentionedUsernames("Ask @sam. Then @mia, (@dana) and @eve!")).toEqual([
      "sam",
      "mia",
      "dana",
      "eve",
    ]);
  });

  it("keeps dots, dashes and underscores inside a name", () => {
    expect(mentionedUsernames("over to @dana-promotions and @j.smith_2")).toEqual([
      "dana-promotions",
      "j.smith_2",
    ]);
  });

  it("does not read an e-mail address or a lone @ as a mention", () => {
    expect(mentionedUsernames("mail dana@example.com @ noon")).toEqual([]);
  });
});
