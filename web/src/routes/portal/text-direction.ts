// The direction of what a person types, from its first letter (the rule of dir="auto"). Mantine
// puts an input's `dir` on the wrapper around it, where "auto" sees no text and reads left to
// right; so the direction is worked out here and given explicitly.
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** rtl or ltr for text that has a letter; undefined (the page's direction) for empty text. */
export function typedDirection(text: string): 'rtl' | 'ltr' | undefined {
  const first = /\p{L}/u.exec(text)?.[0];
  if (!first) return undefined;
  return RTL_LETTER.test(first) ? 'rtl' : 'ltr';
}
