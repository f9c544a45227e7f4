import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type VariantColorsResolver,
} from '@mantine/core';

const SYSTEM_SANS =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

// Light and outline badges, buttons and links keep Mantine's tint but write their text in a
// darkened last shade: Mantine's own orange, yellow and teal text on a tint is under 4.5:1.
const variantColorResolver: VariantColorsResolver = (input) => {
  const result = defaultVariantColorsResolver(input);
  const shades = input.color ? input.theme.colors[input.color] : undefined;
  if ((input.variant === 'light' || input.variant === 'outline') && shades) {
    const text = darken(shades[9], 0.3);
    return {
      ...result,
      color: text,
      ...(input.variant === 'outline' ? { border: `1px solid ${text}` } : {}),
    };
  }
  return result;
};

export const theme = createTheme({
  primaryColor: 'teal',
  // white on teal.9 is 4.9:1; lighter shades fall below WCAG AA for button labels
  primaryShade: 9,
  fontFamily: `'Riza Arabic', ${SYSTEM_SANS}`,
  headings: { fontFamily: `'Riza Arabic', ${SYSTEM_SANS}` },
  defaultRadius: 'md',
  variantColorResolver,
  components: {
    // statuses are words, not codes: no capitals (they would also misrender Azerbaijani i/İ),
    // and never cut to "WAITING O…" in a narrow table column
    Badge: Badge.extend({ styles: { root: { textTransform: 'none', minWidth: 'max-content' } } }),
  },
});

// Mantine's default "dimmed" grey is below 4.5:1 on white, and so are its tinted text colours
// (used where components read the CSS variables directly, e.g. the active NavLink).
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' };
  for (const [name, shades] of Object.entries(t.colors)) {
    light[`--mantine-color-${name}-light-color`] = darken(shades[9], 0.3);
  }
  light['--mantine-primary-color-light-color'] = darken(t.colors[t.primaryColor]![9], 0.3);
  // Mantine's error red is 3.3:1 on white; field errors must be readable (WCAG AA 4.5:1)
  light['--mantine-color-error'] = 'var(--mantine-color-red-8)';
  return { variables: {}, light, dark: {} };
};
