/**
 * A text cell for a CSV that people open in a spreadsheet: text starting with =, +, -, @, a tab or a
 * carriage return would be read as a formula (CSV injection), so it is prefixed with an apostrophe,
 * which spreadsheets show as text and do not print. Null is the empty cell.
 */
export const csvCell = (text: string | null | undefined): string =>
  text && /^[=+\-@\t\r]/.test(text) ? `'${text}` : (text ?? '');
