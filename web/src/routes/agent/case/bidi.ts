// Text agents type (to customers, notes, reasons) may be in any of the five languages, whatever
// the UI's: each paragraph takes the direction of its own words, as dir="auto" would. Mantine
// puts an input's `dir` on the wrapper around the field, where "auto" finds no text and turns the
// field left-to-right, so the field itself is set with CSS.
export const OWN_DIRECTION = { input: { unicodeBidi: 'plaintext' } } as const;
