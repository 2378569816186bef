import { DIGITS_SOURCE as S } from '../../data/digits/source.ts';

/** The credit line every view of the digits carries (the data set's CC BY 4.0 licence asks for it). */
export function DigitsCredit() {
  return (
    <p class="demo-credit" data-testid="digits-credit">
      Digits: <a href={S.url}>{S.name}</a>, {S.authors}, {S.publisher} ({S.year}), <a href={S.licenseUrl}>{S.license}</a>; the copy scikit-learn ships as <code>load_digits()</code>.
    </p>
  );
}
