/** A request `folio serve` refuses: its HTTP status and a one-line message for the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Close the connection after answering: the rest of a refused body is never read. */
    readonly closeConnection = false,
  ) {
    super(message);
  }
}
