// The three kinds of failure Fulcrum distinguishes. Bad input is returned as data (a list of
// issues), never thrown; a bug throws a plain Error; an unavailable database, solver or file
// system throws an EnvironmentError carrying its cause, so the operator knows it is not their data.

export class EnvironmentError extends Error {
  override readonly name = "EnvironmentError";
}
