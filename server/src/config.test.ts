import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('passes RIZA_PG_SETTINGS to the embedded PostgreSQL as name=value pairs', () => {
    const config = loadConfig({ RIZA_PG_SETTINGS: ' shared_buffers=1GB  pg_stat_statements.track=all ' });
    expect(config.embeddedPgSettings).toEqual(['shared_buffers=1GB', 'pg_stat_statements.track=all']);
    expect(loadConfig({}).embeddedPgSettings).toEqual([]);
  });

  it('refuses a setting that is not name=value, and a port out of range, saying which', () => {
    const problems = (() => {
      try {
        loadConfig({ RIZA_PG_SETTINGS: 'shared_buffers', RIZA_EMBEDDED_PG_PORT: '80' });
      } catch (e) {
        return (e as ConfigError).problems;
      }
      return [];
    })();
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/RIZA_PG_SETTINGS: "shared_buffers" is not name=value/);
    expect(problems.join('\n')).toMatch(/RIZA_EMBEDDED_PG_PORT/);
  });
});
