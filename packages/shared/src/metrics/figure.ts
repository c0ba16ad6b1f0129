/**
 * A figure the dashboard can explain: the value together with what it was computed from.
 *
 * metrics.md: "A rate whose denominator is 0 is `null`, never 0 and never NaN."
 *
 * For every Figure, `value = scale * numerator / denominator`, where `scale` is 100 for a
 * percentage and 1 otherwise (each metric's doc comment says which), and `value` is null
 * exactly when `denominator` is 0.
 */
export interface Figure {
  value: number | null;
  numerator: number;
  denominator: number;
}

/** `scale * numerator / denominator`, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number, scale = 1): Figure {
  return {
    value: denominator === 0 ? null : (scale * numerator) / denominator,
    numerator,
    denominator,
  };
}

/** `100 * numerator / denominator`, or null when the denominator is 0. */
export function percentage(numerator: number, denominator: number): Figure {
  return ratio(numerator, denominator, 100);
}
