/**
 * Where the handwritten digits come from, for the credit line on every page that shows them.
 * Apart from ./digits.ts (the data's loader), so the credit does not ship the loader to the page.
 */
export const DIGITS_SOURCE = {
  name: 'Optical Recognition of Handwritten Digits',
  authors: 'E. Alpaydin and C. Kaynak',
  year: 1998,
  publisher: 'UCI Machine Learning Repository',
  url: 'https://doi.org/10.24432/C50P49',
  license: 'CC BY 4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
} as const;
