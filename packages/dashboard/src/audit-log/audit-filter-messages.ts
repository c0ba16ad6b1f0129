/** The filter form's own messages (dates are worded by the shell's date input). */
export const FILTER_MESSAGES = {
  toBeforeFrom: 'The to date must be the same as or after the from date',
} as const;
