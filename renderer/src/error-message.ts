/** The message to show for a failed call: API errors arrive as Errors, anything else is shown as text. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
