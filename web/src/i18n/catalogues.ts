// The UI's catalogues: the shared one per language (locales/<lng>.json) plus one file per feature
// and language (features/<feature>/<lng>.json), merged under the feature's name — so screens built
// side by side never edit the same file. a key "portal.title" reads features/portal/<lng>.json.
import ar from './locales/ar.json' with { type: 'json' };
import az from './locales/az.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import kk from './locales/kk.json' with { type: 'json' };
import ru from './locales/ru.json' with { type: 'json' };

export type Tree = { [key: string]: string | Tree };

const BASE: Record<string, Tree> = { ar, az, en, kk, ru };

const FEATURES = import.meta.glob<Tree>('./features/*/*.json', { eager: true, import: 'default' });

function build(): Record<string, Tree> {
  const out: Record<string, Tree> = {};
  for (const [lng, tree] of Object.entries(BASE)) out[lng] = { ...tree };
  for (const [file, tree] of Object.entries(FEATURES)) {
    const m = /\.\/features\/([^/]+)\/([a-z]{2})\.json$/.exec(file);
    if (!m) continue;
    const [, feature, lng] = m as unknown as [string, string, string];
    if (!out[lng]) continue;
    if (out[lng][feature] !== undefined)
      throw new Error(`feature catalogue "${feature}" clashes with a shared key`);
    out[lng][feature] = tree;
  }
  return out;
}

export const CATALOGUES: Record<string, Tree> = build();
