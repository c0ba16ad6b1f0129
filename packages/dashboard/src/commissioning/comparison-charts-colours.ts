/*
 * The benchmark's marks, shared by the drawings (loaded lazily, with recharts)
 * and the keys (loaded with the page), so the page does not pull in recharts.
 */

/** The band (lower to upper quartile): dark grey (7.1:1 on white) outline and hatching. */
export const BAND_COLOUR = '#4B5B5F';
/** The median line: the text colour, dashed. */
export const MEDIAN_COLOUR = '#0b1f24';
